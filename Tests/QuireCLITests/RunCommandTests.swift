import Foundation
import KernelTestSupport
import NotebookFormat
import Testing

@Suite("quire run", .serialized, .enabled(if: TestKernel.isAvailable, TestKernel.reason))
struct RunCommandTests {
    static let parameterised: [(String, [String])] = [
        ("alpha = 0.1\nname = 'x'\nflags = []", ["parameters"]),
        ("print(repr(alpha), repr(name), repr(flags), repr(cfg), repr(count), repr(ratio))", []),
    ]

    @Test func parametersAreInjectedAsPapermillInjectsThem() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestKernel.write(Self.parameterised, to: folder + "/in.ipynb")
        try "flags: [true, null, 1.5, nan]\ncfg: {a: 1, b: [x, 'y z']}\n".write(toFile: folder + "/params.yaml", atomically: true, encoding: .utf8)
        let ours = try QuireRunner.run(
            ["run", "in.ipynb", "-o", "quire.ipynb", "-f", "params.yaml", "-p", "alpha=0.6", "-p", #"name=it's "q" é"#, "-p", "count=007", "-p", "ratio=nan"],
            in: folder)
        #expect(ours.status == 0, "\(ours.stderr)")
        let (status, log) = try TestKernel.python(
            ["-m", "papermill", "-k", TestKernel.name, "in.ipynb", "papermill.ipynb", "-f", "params.yaml",
             "-p", "alpha", "0.6", "-p", "name", #"it's "q" é"#, "-p", "count", "007", "-p", "ratio", "nan"],
            in: folder)
        try #require(status == 0, "papermill failed: \(log)")
        let quire = try TestKernel.read(folder + "/quire.ipynb").cells
        let papermill = try TestKernel.read(folder + "/papermill.ipynb").cells
        #expect(quire.count == 3 && papermill.count == 3)
        #expect(quire[1].tags == ["injected-parameters"] && papermill[1].tags == ["injected-parameters"])
        #expect(quire[1].source == papermill[1].source)
        #expect(quire[2].outputs == papermill[2].outputs)
        #expect(Self.text(quire[2].outputs.first) == (#"0.6 'it\'s "q" é' [True, None, 1.5, 'nan'] {'a': 1, 'b': ['x', 'y z']} 7 nan"# + "\n"))
        let metadata = try TestKernel.read(folder + "/quire.ipynb").metadata
        #expect(Set(metadata["papermill"]?.objectValue?["parameters"]?.objectValue?.keys ?? []) == ["flags", "cfg", "alpha", "name", "count", "ratio"])
    }

    @Test func failingCellIsReportedWithPlainTraceback() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestKernel.write([("x = 1", []), ("def f():\n    return 1/0\nf()", []), ("print('never')", [])], to: folder + "/nb.ipynb")
        let result = try QuireRunner.run(["run", "nb.ipynb", "-o", "out.ipynb"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("quire: nb.ipynb: cell 2 of 3 (id cell-1) failed: ZeroDivisionError: division by zero"))
        #expect(result.stderr.contains("  2 |     return 1/0"))
        #expect(result.stderr.contains("----> 3 f()"))
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("[1/3] cell 1 ok"))
        // The executed notebook is written up to the failure.
        let cells = try TestKernel.read(folder + "/out.ipynb").cells
        #expect(cells[1].outputs.first?["ename"] == .string("ZeroDivisionError"))
        #expect(cells[2].outputs.isEmpty)
    }

    @Test func inplaceWritesBackAndNoOutputFlagWritesNothing() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestKernel.write([("print(6 * 7)", [])], to: folder + "/nb.ipynb")
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/nb.ipynb"))
        #expect(try QuireRunner.run(["run", "-q", "nb.ipynb"], in: folder).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/nb.ipynb")) == before)
        #expect(try QuireRunner.run(["run", "-q", "--inplace", "nb.ipynb"], in: folder).status == 0)
        #expect(Self.text(try TestKernel.read(folder + "/nb.ipynb").cells[0].outputs.first) == "42\n")
    }

    @Test func badKernelsParametersAndFiles() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestKernel.write([("1", [])], to: folder + "/nb.ipynb")
        let unknown = try QuireRunner.run(["run", "nb.ipynb", "--kernel", "no-such-kernel"], in: folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no kernel named 'no-such-kernel' (available: ") && unknown.stderr.contains(TestKernel.name))
        let text = String(decoding: NotebookWriter.bytes(TestKernel.notebook([("1", [])])), as: UTF8.self).replacingOccurrences(of: TestKernel.name, with: "ghost")
        try text.write(toFile: folder + "/ghost.ipynb", atomically: true, encoding: .utf8)
        #expect(try QuireRunner.run(["run", "ghost.ipynb"], in: folder).status == 65)
        let badName = try QuireRunner.run(["run", "nb.ipynb", "-p", "1x=2"], in: folder)
        #expect(badName.status == 64 && badName.stderr.contains("'1x' is not a valid Python identifier"))
        #expect(try QuireRunner.run(["run", "missing.ipynb"], in: folder).status == 66)
        try "{".write(toFile: folder + "/broken.ipynb", atomically: true, encoding: .utf8)
        #expect(try QuireRunner.run(["run", "broken.ipynb"], in: folder).status == 65)
        let kernels = try QuireRunner.run(["kernels"], in: folder)
        #expect(kernels.status == 0 && kernels.stdout.contains(TestKernel.name))
    }

    @Test func notebookMetadataTimeoutAndDyingKernelLog() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // nbmake's notebook-level settings: allow_errors lets 1/0 pass, timeout stops the sleep.
        let text = String(decoding: NotebookWriter.bytes(TestKernel.notebook([("1/0", []), ("import time\ntime.sleep(30)", [])])), as: UTF8.self)
            .replacingOccurrences(of: "\"metadata\": {\n  \"kernelspec\"", with: "\"metadata\": {\n  \"execution\": {\"timeout\": 1, \"allow_errors\": true},\n  \"kernelspec\"")
        try text.write(toFile: folder + "/meta.ipynb", atomically: true, encoding: .utf8)
        let started = Date()
        let meta = try QuireRunner.run(["run", "meta.ipynb"], in: folder)
        #expect(meta.status == 1)
        #expect(meta.stderr.contains("cell 2 of 2 (id cell-1) failed: the cell did not finish within 1 s; the kernel was interrupted"))
        #expect(Date().timeIntervalSince(started) < 15)
        // ipykernel forwards fd 2 through a pipe and a thread that also echoes to the log: give it time.
        try TestKernel.write([("import os, time\nos.write(2, b'fatal: native crash\\n')\ntime.sleep(1)\nos._exit(3)", []), ("1", [])], to: folder + "/dies.ipynb")
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
        try TestKernel.write([("import time\ntime.sleep(20)", [])], to: folder + "/nb.ipynb")
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
