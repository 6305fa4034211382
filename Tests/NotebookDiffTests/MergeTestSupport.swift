#if canImport(Glibc)
import Glibc
#endif
import NotebookFormat
import QuireTestSupport

@testable import NotebookDiff

/// Small notebooks written in code, and helpers to merge them.
enum MergeFixture {
    static func code(
        _ id: String?, _ source: String, outputs: [String] = [], count: Int? = nil, metadata: JSONObject = JSONObject()
    ) -> JSONObject {
        var cell = JSONObject()
        cell["cell_type"] = .string("code")
        if let id { cell["id"] = .string(id) }
        cell["metadata"] = .object(metadata)
        cell["source"] = .string(source)
        cell["execution_count"] = count.map(JSONValue.int) ?? .null
        cell["outputs"] = .array(outputs.map { text in
            .object(JSONObject(["output_type": .string("stream"), "name": .string("stdout"), "text": .string(text)]))
        })
        return cell
    }

    static func markdown(_ id: String?, _ source: String, metadata: JSONObject = JSONObject()) -> JSONObject {
        var cell = JSONObject()
        cell["cell_type"] = .string("markdown")
        if let id { cell["id"] = .string(id) }
        cell["metadata"] = .object(metadata)
        cell["source"] = .string(source)
        return cell
    }

    static let defaultMetadata = JSONObject([
        "kernelspec": .object(JSONObject(["name": .string("python3"), "display_name": .string("Python 3"), "language": .string("python")])),
    ])

    static func notebook(_ cells: [JSONObject], metadata: JSONObject = defaultMetadata, minor: Int = 5) -> [UInt8] {
        var json = JSONObject()
        json["cells"] = .array(cells.map(JSONValue.object))
        json["metadata"] = .object(metadata)
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(minor)
        return NotebookWriter.bytes(Notebook(json: json))
    }

    static func merge(_ base: [UInt8], _ local: [UInt8], _ remote: [UInt8], options: MergeOptions = MergeOptions()) throws -> MergeResult {
        try NotebookMerge.merge(base: base, local: local, remote: remote, options: options)
    }

    static func sources(_ result: MergeResult) -> [String] { result.notebook.cells.map(\.source) }

    static func read(_ bytes: [UInt8]) throws -> Notebook { try NotebookReader.read(bytes) }

    /// The canonical bytes of a notebook as the merge reads it.
    static func canonical(_ bytes: [UInt8]) throws -> [UInt8] {
        NotebookWriter.bytes(try NotebookReader.read(bytes).upgradedToV4())
    }

    static func isValid(_ bytes: [UInt8]) -> Bool {
        (try? NotebookValidator.validate(bytes).isValid) == true
    }

    static let repositoryRoot = TestPaths.repositoryRoot

    /// `../shared/corpus` beside the repository, or nil when it is not there.
    static var corpus: String? { TestPaths.corpus(holding: "merges") }

    static func entries(of folder: String) -> [String] { TestPaths.entries(of: folder) }
}
