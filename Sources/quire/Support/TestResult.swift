import JupyterKernel
import MarkupEscaping

/// One notebook's verdict in `quire test`.
struct TestResult: Sendable {
    enum Status: String, Sendable {
        case passed, failed, error
    }

    var path: String
    var status: Status
    var seconds: Double
    var failure: CellFailure?
    var cellCount = 0
    /// For `error`: why the notebook could not be run at all.
    var message = ""

    /// Short text for the summary table.
    var failingCell: String {
        guard let failure else { return status == .error ? message.split(separator: "\n").first.map(String.init) ?? "" : "" }
        let id = failure.cellID.map { " (\($0))" } ?? ""
        return "cell \(failure.cellIndex + 1)\(id): \(FailureReport.stripANSI(failure.description))"
    }
}

/// The summary table and the JUnit XML file of a `quire test` run.
enum TestReport {
    static func table(_ results: [TestResult], seconds: Double) -> String {
        let rows = results.map { [$0.path, $0.status.rawValue, FailureReport.seconds($0.seconds), $0.failingCell] }
        let header = ["notebook", "result", "time", "failing cell"]
        let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = ""
            for column in 0..<3 { text += cells[column] + String(repeating: " ", count: widths[column] - cells[column].count + 2) }
            return (text + cells[3]).trimmingTrailingSpaces()
        }
        let passed = results.filter { $0.status == .passed }.count
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
            + "\n\(passed) passed, \(results.count - passed) failed, \(results.count) notebook\(results.count == 1 ? "" : "s") in \(FailureReport.seconds(seconds))"
    }

    /// One testsuite, one testcase per notebook; a failing cell is a <failure>, a notebook that
    /// could not run (no kernel, invalid file) an <error>.
    static func junit(_ results: [TestResult], seconds: Double) -> String {
        let escape = MarkupEscaping.escape(_:)
        let failures = results.filter { $0.status == .failed }.count
        let errors = results.filter { $0.status == .error }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts = "tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(time(seconds))\""
        xml += "<testsuites name=\"quire test\" \(counts)>\n"
        xml += "  <testsuite name=\"notebooks\" \(counts) skipped=\"0\">\n"
        for result in results {
            let open = "    <testcase classname=\"\(escape(classname(result.path)))\" name=\"\(escape(result.path))\" time=\"\(time(result.seconds))\""
            switch result.status {
            case .passed:
                xml += open + "/>\n"
            case .failed:
                let failure = result.failure
                let body = failure.map { FailureReport.stripANSI($0.traceback.joined(separator: "\n")) } ?? ""
                xml += open + ">\n      <failure message=\"\(escape(result.failingCell))\" type=\"\(escape(failure?.ename ?? "CellFailure"))\">"
                xml += escape(failure.map { "cell \($0.cellIndex + 1) source:\n\($0.source)\n\n" } ?? "") + escape(body) + "</failure>\n    </testcase>\n"
            case .error:
                xml += open + ">\n      <error message=\"\(escape(result.message))\" type=\"QuireError\"/>\n    </testcase>\n"
            }
        }
        return xml + "  </testsuite>\n</testsuites>\n"
    }

    /// The notebook's folder, dotted, as JUnit tools group test classes.
    private static func classname(_ path: String) -> String {
        let parts = path.split(separator: "/").dropLast()
        return parts.isEmpty ? "notebooks" : parts.joined(separator: ".")
    }

    private static func time(_ seconds: Double) -> String {
        String((seconds * 1000).rounded() / 1000)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
