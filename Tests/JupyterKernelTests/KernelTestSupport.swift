import Foundation
import NotebookFormat
import Testing
@testable import JupyterKernel

/// The real ipykernel that `make test` installs: the kernelspec `quire-test-python3` in the
/// project's venv, found through JUPYTER_PATH. Tests that need it are skipped with this reason
/// when it is missing.
enum TestKernel {
    static let name = "quire-test-python3"

    static let spec: KernelSpec? = try? KernelSpecFinder().find(name)

    static let isAvailable = spec != nil

    static let unavailableReason: Comment = """
        no kernelspec '\(name)': run `make test` (it installs ipykernel into .venv and sets JUPYTER_PATH=.venv/share/jupyter)
        """

    /// The interpreter of the test kernel, which also has nbclient and papermill.
    static var python: String? { spec?.command(connectionFile: "", searchPath: ProcessInfo.processInfo.environment["PATH"]).first }

    /// Runs blocking kernel work on its own thread, so Swift Testing's few cooperative threads
    /// stay free for the rest of the suite.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// A v4.5 notebook of code cells (a source, or source and tags).
    static func notebook(_ cells: [(String, [String])]) -> Notebook {
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
        return Notebook(json: json)
    }

    /// True while a process with this pid exists.
    static func processExists(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Runs a program, returning its status and output.
    static func run(_ program: String, _ arguments: [String], in directory: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
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

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quire-kt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The notebook with what legitimately differs between two runs removed: cell ids and
    /// `metadata.execution` timestamps.
    static func comparable(_ notebook: Notebook) -> Notebook {
        var notebook = notebook
        notebook.updateCells { cells in
            for i in cells.indices {
                cells[i].json["id"] = nil
                cells[i].removeMetadata("execution")
            }
        }
        return notebook
    }
}
