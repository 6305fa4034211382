import Foundation
import JupyterKernel
import NotebookFormat

/// The real ipykernel that `make test` installs: the kernelspec `quire-test-python3` in the
/// project's venv, found through JUPYTER_PATH. Tests that need it are skipped with
/// ``unavailableReason`` when it is missing.
public enum TestKernel {
    public static let name = "quire-test-python3"

    public static let spec: KernelSpec? = try? KernelSpecFinder().find(name)

    public static let isAvailable = spec != nil

    public static let unavailableReason = """
        no kernelspec '\(name)' on JUPYTER_PATH: run `make test` (it installs ipykernel into .venv and sets JUPYTER_PATH=.venv/share/jupyter)
        """

    /// The interpreter of the test kernel, which also has nbclient and papermill.
    public static var python: String? {
        spec?.command(connectionFile: "", searchPath: ProcessInfo.processInfo.environment["PATH"]).first
    }

    /// A v4.5 notebook of code cells (a source, or source and tags) for the test kernel.
    public static func notebook(_ cells: [(String, [String])]) -> Notebook {
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

    /// Runs a program to completion, returning its status and its output and errors together.
    public static func run(_ program: String, _ arguments: [String], in directory: String? = nil) throws -> (Int32, String) {
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
}
