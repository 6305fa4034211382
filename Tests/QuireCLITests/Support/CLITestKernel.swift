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
