import JupyterKernel
import NotebookFormat

/// The message for a failing cell: which cell (number among all cells, id), an excerpt of its
/// source, and the traceback, ANSI colours removed unless stderr is a terminal.
enum FailureReport {
    static func text(_ failure: CellFailure, notebook: String, cellCount: Int, keepColour: Bool) -> String {
        var lines: [String] = []
        let id = failure.cellID.map { " (id \($0))" } ?? ""
        lines.append("quire: \(notebook): cell \(failure.cellIndex + 1) of \(cellCount)\(id) failed: \(failure.description)")
        if failure.ename == "StdinNotImplementedError" {
            lines.append("  the cell called input(); notebooks under test must not wait for input")
        }
        let source = failure.source.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in source.prefix(8).enumerated() {
            lines.append("  \(number + 1) | \(line)")
        }
        if source.count > 8 { lines.append("    | ... (\(source.count - 8) more lines)") }
        let log = failure.kernelLog.split(separator: "\n").filter { !$0.contains("Kernel is running over TCP without encryption") }
        if !log.isEmpty {
            lines.append("kernel output:")
            lines += log.suffix(15).map { "  " + $0 }
        }
        if !failure.traceback.isEmpty {
            let traceback = failure.traceback.joined(separator: "\n")
            lines.append(keepColour ? traceback : stripANSI(traceback))
        }
        return lines.joined(separator: "\n")
    }

    /// Removes ANSI escape sequences (CSI `ESC [ ... letter`), which IPython puts in tracebacks.
    static func stripANSI(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            guard let next = scalars.next() else { break }
            guard next == "[" else { continue }
            while let code = scalars.next(), !(("@"..."~").contains(code)) {}
        }
        return String(out)
    }

    static func seconds(_ value: Double) -> String {
        if value < 1 { return "\(Int((value * 1000).rounded())) ms" }
        let tenths = (value * 10).rounded() / 10
        return value < 10 ? "\(tenths) s" : "\(Int(value.rounded())) s"
    }
}
