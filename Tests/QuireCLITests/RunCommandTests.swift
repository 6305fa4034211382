import Foundation
import NotebookFormat
import Testing

/// The test kernel `make test` installs (kernelspec quire-test-python3, found through
/// JUPYTER_PATH), and the venv interpreter that also has nbclient and papermill.
enum CLITestKernel {
    static let name = "quire-test-python3"

    static let python: String? = {
        for folder in (ProcessInfo.processInfo.environment["JUPYTER_PATH"] ?? "").split(separator: ":") {
            let path = String(folder) + "/kernels/\(name)/kernel.json"
            guard let data = FileManager.default.contents(atPath: path),
                  let argv = try? JSONParser.parse(Array(data)).objectValue?["argv"]?.arrayValue,
                  let python = argv.first?.stringValue
            else { continue }
            return python
        }
        return nil
    }()

    static let isAvailable = python != nil
    static let reason: Comment = "no kernelspec '\(name)' on JUPYTER_PATH: run `make test`, which installs ipykernel into .venv"

    static func notebook(_ cells: [(String, [String])]) -> [UInt8] {
        var json = JSONObject()
        json["cells"] = .array(cells.enumerated().map { index, cell in
            .object(JSONObject([
                "cell_type": .string("code"), "execution_count": .null, "id": .string("cell-\(index)"),
                "metadata": .object(cell.1.isEmpty ? JSONObject() : JSONObject(["tags": .array(cell.1.map(JSONValue.string))])),
                "outputs": .array([]), "source": .string(cell.0),
            ]))
        })
        json["metadata"] = .object(JSONObject([
            "kernelspec": .object(JSONObject(["display_name": .string("Python 3"), "language": .string("python"), "name": .string(name)])),
        ]))
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(5)
        return NotebookWriter.bytes(Notebook(json: json))
    }

    static func write(_ cells: [(String, [String])], to path: String) throws {
        try Data(notebook(cells)).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> Notebook {
        try NotebookReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func python(_ arguments: [String], in directory: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("quire run", .serialized, .enabled(if: CLITestKernel.isAvailable, CLITestKernel.reason))
struct RunCommandTests {
    static let parameterised: [(String, [String])] = [
        ("alpha = 0.1\nname = 'x'\nflags = []", ["parameters"]),
        ("print(repr(alpha), repr(name), repr(flags), repr(cfg), repr(count), repr(ratio))", []),
    ]

    @Test func parametersAreInjectedAsPapermillInjectsThem() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLITestKernel.write(Self.parameterised, to: folder + "/in.ipynb")
        try "flags: [true, null, 1.5, nan]\ncfg: {a: 1, b: [x, 'y z']}\n".write(toFile: folder + "/params.yaml", atomically: true, encoding: .utf8)
        let ours = try QuireRunner.run(
            ["run", "in.ipynb", "-o", "quire.ipynb", "-f", "params.yaml", "-p", "alpha=0.6", "-p", #"name=it's "q" é"#, "-p", "count=007", "-p", "ratio=nan"],
            in: folder)
        #expect(ours.status == 0, "\(ours.stderr)")
        let (status, log) = try CLITestKernel.python(
            ["-m", "papermill", "-k", CLITestKernel.name, "in.ipynb", "papermill.ipynb", "-f", "params.yaml",
             "-p", "alpha", "0.6", "-p", "name", #"it's "q" é"#, "-p", "count", "007", "-p", "ratio", "nan"],
            in: folder)
        try #require(status == 0, "papermill failed: \(log)")
        let quire = try CLITestKernel.read(folder + "/quire.ipynb").cells
        let papermill = try CLITestKernel.read(folder + "/papermill.ipynb").cells
        #expect(quire.count == 3 && papermill.count == 3)
        #expect(quire[1].tags == ["injected-parameters"] && papermill[1].tags == ["injected-parameters"])
        #expect(quire[1].source == papermill[1].source)
        #expect(quire[2].outputs == papermill[2].outputs)
        #expect(Self.text(quire[2].outputs.first) == (#"0.6 'it\'s "q" é' [True, None, 1.5, 'nan'] {'a': 1, 'b': ['x', 'y z']} 7 nan"# + "\n"))
        let metadata = try CLITestKernel.read(folder + "/quire.ipynb").metadata
        #expect(Set(metadata["papermill"]?.objectValue?["parameters"]?.objectValue?.keys ?? []) == ["flags", "cfg", "alpha", "name", "count", "ratio"])
    }

    @Test func failingCellIsReportedWithPlainTraceback() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLITestKernel.write([("x = 1", []), ("def f():\n    return 1/0\nf()", []), ("print('never')", [])], to: folder + "/nb.ipynb")
        let result = try QuireRunner.run(["run", "nb.ipynb", "-o", "out.ipynb"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("quire: nb.ipynb: cell 2 of 3 (id cell-1) failed: ZeroDivisionError: division by zero"))
        #expect(result.stderr.contains("  2 |     return 1/0"))
        #expect(result.stderr.contains("----> 3 f()"))
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("[1/3] cell 1 ok"))
        // The executed notebook is written up to the failure.
        let cells = try CLITestKernel.read(folder + "/out.ipynb").cells
        #expect(cells[1].outputs.first?["ename"] == .string("ZeroDivisionError"))
        #expect(cells[2].outputs.isEmpty)
    }

    @Test func inplaceWritesBackAndNoOutputFlagWritesNothing() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLITestKernel.write([("print(6 * 7)", [])], to: folder + "/nb.ipynb")
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/nb.ipynb"))
        #expect(try QuireRunner.run(["run", "-q", "nb.ipynb"], in: folder).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/nb.ipynb")) == before)
        #expect(try QuireRunner.run(["run", "-q", "--inplace", "nb.ipynb"], in: folder).status == 0)
        #expect(Self.text(try CLITestKernel.read(folder + "/nb.ipynb").cells[0].outputs.first) == "42\n")
    }

    @Test func badKernelsParametersAndFiles() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLITestKernel.write([("1", [])], to: folder + "/nb.ipynb")
        let unknown = try QuireRunner.run(["run", "nb.ipynb", "--kernel", "no-such-kernel"], in: folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no kernel named 'no-such-kernel' (available: ") && unknown.stderr.contains(CLITestKernel.name))
        let text = String(decoding: CLITestKernel.notebook([("1", [])]), as: UTF8.self).replacingOccurrences(of: CLITestKernel.name, with: "ghost")
        try text.write(toFile: folder + "/ghost.ipynb", atomically: true, encoding: .utf8)
        #expect(try QuireRunner.run(["run", "ghost.ipynb"], in: folder).status == 65)
        let badName = try QuireRunner.run(["run", "nb.ipynb", "-p", "1x=2"], in: folder)
        #expect(badName.status == 64 && badName.stderr.contains("'1x' is not a valid Python identifier"))
        #expect(try QuireRunner.run(["run", "missing.ipynb"], in: folder).status == 66)
        try "{".write(toFile: folder + "/broken.ipynb", atomically: true, encoding: .utf8)
        #expect(try QuireRunner.run(["run", "broken.ipynb"], in: folder).status == 65)
        let kernels = try QuireRunner.run(["kernels"], in: folder)
        #expect(kernels.status == 0 && kernels.stdout.contains(CLITestKernel.name))
    }

    @Test func notebookMetadataTimeoutAndDyingKernelLog() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // nbmake's notebook-level settings: allow_errors lets 1/0 pass, timeout stops the sleep.
        let text = String(decoding: CLITestKernel.notebook([("1/0", []), ("import time\ntime.sleep(30)", [])]), as: UTF8.self)
            .replacingOccurrences(of: "\"metadata\": {\n  \"kernelspec\"", with: "\"metadata\": {\n  \"execution\": {\"timeout\": 1, \"allow_errors\": true},\n  \"kernelspec\"")
        try text.write(toFile: folder + "/meta.ipynb", atomically: true, encoding: .utf8)
        let started = Date()
        let meta = try QuireRunner.run(["run", "meta.ipynb"], in: folder)
        #expect(meta.status == 1)
        #expect(meta.stderr.contains("cell 2 of 2 (id cell-1) failed: the cell did not finish within 1 s; the kernel was interrupted"))
        #expect(Date().timeIntervalSince(started) < 15)
        try CLITestKernel.write([("import os\nos.write(2, b'fatal: native crash\\n')\nos._exit(3)", []), ("1", [])], to: folder + "/dies.ipynb")
        let dies = try QuireRunner.run(["run", "dies.ipynb"], in: folder)
        #expect(dies.status == 1)
        #expect(dies.stderr.contains("cell 1 of 2 (id cell-0) failed: the kernel died while running the cell (exit status 3)"))
        #expect(dies.stderr.contains("kernel output:\n  fatal: native crash"))
    }

    @Test func interruptingQuireLeavesNoKernelBehind() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        let temporary = folder + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLITestKernel.write([("import time\ntime.sleep(20)", [])], to: folder + "/nb.ipynb")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QuireRunner.binary)
        process.arguments = ["run", "-q", "nb.ipynb"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the kernel runs the cell: its connection folder exists and a second passed.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (try? FileManager.default.contentsOfDirectory(atPath: temporary))?.isEmpty ?? true {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(Self.kernelsUsing(temporary) > 0)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(Self.kernelsUsing(temporary) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    /// A stream output's text, which the reader keeps as the list of lines nbformat wrote.
    static func text(_ output: JSONObject?) -> String? {
        switch output?["text"] {
        case .string(let text)?: return text
        case .array(let lines)?: return lines.compactMap(\.stringValue).joined()
        default: return nil
        }
    }

    /// Processes whose command line names a connection file under `folder`.
    static func kernelsUsing(_ folder: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { pid in
            guard pid.allSatisfy(\.isNumber), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(folder + "/quire-kernel-")
        }.count
    }
}

@Suite("quire test", .serialized, .enabled(if: CLITestKernel.isAvailable, CLITestKernel.reason))
struct TestCommandTests {
    @Test func folderWithPassingAndFailingNotebooks() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["nbs/deep", "nbs/.ipynb_checkpoints", "nbs/.hidden"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        try CLITestKernel.write([("print('ok')", [])], to: folder + "/nbs/good.ipynb")
        try CLITestKernel.write([("x = 1", []), ("raise ValueError('bad <value> & \"more\"')", [])], to: folder + "/nbs/deep/bad.ipynb")
        for hidden in ["nbs/.ipynb_checkpoints/good-checkpoint.ipynb", "nbs/.hidden/x.ipynb"] {
            try CLITestKernel.write([("raise SystemExit(1)", [])], to: folder + "/" + hidden)
        }
        let good = try Data(contentsOf: URL(fileURLWithPath: folder + "/nbs/good.ipynb"))
        let result = try QuireRunner.run(["test", "nbs", "--jobs", "2", "--junit", "report.xml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("nbs/good.ipynb      passed"))
        #expect(result.stdout.contains("nbs/deep/bad.ipynb  failed"))
        #expect(result.stdout.contains("cell 2 (cell-1): ValueError: bad <value> & \"more\""))
        #expect(result.stdout.contains("1 passed, 1 failed, 2 notebooks"))
        #expect(result.stderr.contains("PASS nbs/good.ipynb") && result.stderr.contains("FAIL nbs/deep/bad.ipynb"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/nbs/good.ipynb")) == good)
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            suite = root.find('testsuite')
            print(root.tag, suite.get('tests'), suite.get('failures'), suite.get('errors'))
            for case in suite.iter('testcase'):
                failure = case.find('failure')
                print(case.get('name'), case.get('classname'), 'FAIL ' + failure.get('type') + ' ' + failure.get('message') if failure is not None else 'PASS')
            """
        let (status, parsed) = try CLITestKernel.python(["-c", script, folder + "/report.xml"])
        #expect(status == 0, "\(parsed)")
        #expect(parsed == """
            testsuites 2 1 0
            nbs/deep/bad.ipynb nbs.deep FAIL ValueError cell 2 (cell-1): ValueError: bad <value> & "more"
            nbs/good.ipynb nbs PASS

            """)
        // An exclude pattern in quire.toml leaves the failing folder out.
        try "[test]\nexclude = [\"nbs/deep/\"]\n".write(toFile: folder + "/quire.toml", atomically: true, encoding: .utf8)
        let excluded = try QuireRunner.run(["test", "nbs"], in: folder)
        #expect(excluded.status == 0 && excluded.stdout.contains("1 passed, 0 failed, 1 notebook in"))
        try FileManager.default.removeItem(atPath: folder + "/quire.toml")
        let passing = try QuireRunner.run(["test", "nbs/good.ipynb"], in: folder)
        #expect(passing.status == 0 && passing.stdout.contains("1 passed, 0 failed"))
        #expect(try QuireRunner.run(["test", "nope"], in: folder).status == 66)
    }
}
