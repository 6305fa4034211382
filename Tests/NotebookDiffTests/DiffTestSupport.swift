import NotebookFormat
import QuireTestSupport

@testable import NotebookDiff

#if canImport(Glibc)
import Glibc
#endif

/// Small notebooks written by hand for the diff tests. Multi-line text is stored as a list of
/// lines, as nbformat writes it, so the tests also cover joining.
enum NB {
    static func lines(_ text: String) -> JSONValue {
        .array(text.pythonSplitLines().map(JSONValue.string))
    }

    static func json(_ text: String) -> JSONValue {
        (try? JSONParser.parse(text)) ?? .null
    }

    static func object(_ text: String) -> JSONObject {
        json(text).objectValue ?? JSONObject()
    }

    static func code(
        _ source: String, id: String? = nil, count: Int? = nil, outputs: [JSONObject] = [], metadata: JSONObject = JSONObject()
    ) -> JSONObject {
        var cell = JSONObject()
        cell["cell_type"] = .string("code")
        cell["execution_count"] = count.map(JSONValue.int) ?? .null
        cell["id"] = id.map(JSONValue.string)
        cell["metadata"] = .object(metadata)
        cell["outputs"] = .array(outputs.map(JSONValue.object))
        cell["source"] = lines(source)
        return cell
    }

    static func markdown(_ source: String, id: String? = nil, metadata: JSONObject = JSONObject(), attachments: JSONObject? = nil) -> JSONObject {
        var cell = JSONObject()
        cell["attachments"] = attachments.map(JSONValue.object)
        cell["cell_type"] = .string("markdown")
        cell["id"] = id.map(JSONValue.string)
        cell["metadata"] = .object(metadata)
        cell["source"] = lines(source)
        return cell
    }

    static func stream(_ text: String, name: String = "stdout") -> JSONObject {
        object(#"{"name": "\#(name)", "output_type": "stream"}"#).setting("text", lines(text))
    }

    static func result(_ text: String, count: Int? = nil) -> JSONObject {
        var output = object(#"{"metadata": {}, "output_type": "execute_result"}"#)
        output["data"] = .object(JSONObject().setting("text/plain", lines(text)))
        output["execution_count"] = count.map(JSONValue.int) ?? .null
        return output
    }

    /// A display_data output with base64 "PNG" data of `bytes` decoded bytes.
    static func image(bytes: Int, fill: Character = "A") -> JSONObject {
        var output = object(#"{"metadata": {}, "output_type": "display_data"}"#)
        let data = String(repeating: fill, count: (bytes + 2) / 3 * 4)
        output["data"] = .object(JSONObject().setting("image/png", .string(data)).setting("text/plain", .string("<Figure size 640x480 with 1 Axes>")))
        return output
    }

    static func error(_ name: String, _ value: String) -> JSONObject {
        var output = object(#"{"output_type": "error", "traceback": ["trace"]}"#)
        output["ename"] = .string(name)
        output["evalue"] = .string(value)
        return output
    }

    static let defaultMetadata = object(#"{"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}"#)

    static func notebook(_ cells: [JSONObject], metadata: JSONObject = defaultMetadata, minor: Int = 5) -> Notebook {
        var json = JSONObject()
        json["cells"] = .array(cells.map(JSONValue.object))
        json["metadata"] = .object(metadata)
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(minor)
        return Notebook(json: json)
    }

    /// Kinds of changes in order, e.g. `["modified 1", "inserted 2", "deleted 3"]` (0-based: new
    /// position for inserted and modified, old for deleted).
    static func summary(_ diff: NotebookDiff) -> [String] {
        diff.cells.map { change in
            switch change {
            case .inserted(_, let p): return "inserted \(p.new)"
            case .deleted(_, let p): return "deleted \(p.old)"
            case .modified(let d): return "modified \(d.position.old)->\(d.position.new)"
            }
        }
    }
}

extension JSONObject {
    func setting(_ key: String, _ value: JSONValue) -> JSONObject {
        var copy = self
        copy[key] = value
        return copy
    }
}

/// The shared corpus and the repository, found from this file's real path (it may be reached
/// through a symbolic link).
enum DiffFixtures {
    static let testFolder: String = {
        var path = #filePath
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        return String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    }()

    static let repositoryRoot: String = {
        var path = testFolder
        for _ in 0..<2 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    static let folder = testFolder + "/Fixtures/diff"

    /// `../shared/corpus` beside the repository, or nil when it is not there.
    static var corpus: String? {
        let path = repositoryRoot + "/../shared/corpus"
        return FileIO.isDirectory(path + "/notebooks") ? path : nil
    }

    /// `source/file.ipynb` paths under the corpus's notebooks folder, sorted.
    static func corpusNotebooks(_ corpus: String) -> [String] { TestPaths.corpusNotebooks(corpus) }

    static func entries(_ folder: String) -> [String] { TestPaths.entries(of: folder) }

    /// A notebook as `quire diff` reads it: parsed and upgraded to v4.
    static func read(_ path: String) throws -> Notebook {
        try NotebookReader.read(try FileIO.read(path)).upgradedToV4()
    }
}
