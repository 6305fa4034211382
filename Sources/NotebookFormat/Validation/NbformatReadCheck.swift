/// The shape `nbformat.reads(text, as_version=NO_CONVERT)` needs before it validates anything.
///
/// nbformat's readers (`rejoin_lines`, `strip_transient`, v2's `restore_bytes`) walk the cells
/// and outputs and raise on what they cannot walk: no `cells`, a cell that is not an object,
/// lines that are not strings, a v4 notebook or cell without `metadata`. Such a file is
/// unreadable for nbformat, not invalid, so quire reports it as unreadable (exit 65). Anything
/// else, however wrong, is left for the schema.
enum NbformatReadCheck {
    /// The major version nbformat reads the notebook as (1 when `nbformat` is missing).
    static func check(_ value: JSONValue) throws(NotebookError) -> Int {
        guard case .object(let root) = value else {
            throw NotebookError(.notANotebook, "not a notebook: the top level is \(NotebookReader.article(value.typeName)), not an object")
        }
        let major = try majorVersion(root)
        switch major {
        case 4: try checkV4(root)
        case 2, 3: try checkWorksheets(root, major: major)
        default: break
        }
        return major
    }

    /// nbformat looks the major version up in a dict (where `4.0 == 4`), then asserts that both
    /// version numbers are `int`s (for the minor a `bool` is one too; a missing minor is 0).
    static func majorVersion(_ root: JSONObject) throws(NotebookError) -> Int {
        switch root["nbformat_minor"] {
        case nil, .bool?: break
        case .number(let n)? where n.isInteger: break
        case let minor?:
            throw NotebookError(
                .notANotebook, "'nbformat_minor' must be an integer, not \(minor.description)", jsonPath: "/nbformat_minor")
        }
        guard let value = root["nbformat"] else { return 1 }
        if case .number(let n) = value, [1, 2, 3, 4].contains(n.doubleValue) {
            if n.isInteger { return Int(n.doubleValue) }
            throw NotebookError(.unsupportedVersion, "'nbformat' must be an integer, not \(n)", jsonPath: "/nbformat")
        }
        throw NotebookError(
            .unsupportedVersion, "nbformat \(value.description) is not supported; nbformat reads versions 1 to 4",
            jsonPath: "/nbformat")
    }

    private static func fail(_ message: String, _ path: String) -> NotebookError {
        NotebookError(.notANotebook, "nbformat cannot read this notebook: \(message)", jsonPath: path)
    }

    /// The items Python's `for` visits, or nil when it would raise (or visit strings that the
    /// reader then takes for objects): a list, or an empty string or object.
    private static func elements(_ value: JSONValue?, _ what: String, _ path: String) throws(NotebookError) -> [JSONValue] {
        switch value {
        case .array(let items)?: return items
        case .string("")?: return []
        case .object(let object)? where object.isEmpty: return []
        case nil: throw fail("there is no '\(what)' list", path)
        default: throw fail("'\(what)' must be a list", path)
        }
    }

    private static func object(_ value: JSONValue, _ what: String, _ path: String) throws(NotebookError) -> JSONObject {
        guard case .object(let object) = value else { throw fail("\(what) must be an object", path) }
        return object
    }

    /// A list of lines that the reader joins must hold strings only.
    private static func checkLines(_ value: JSONValue?, _ key: String, _ path: String) throws(NotebookError) {
        guard case .array(let lines)? = value else { return }
        if let i = lines.firstIndex(where: { $0.stringValue == nil }) {
            throw fail("line \(i) of '\(key)' is not a string", "\(path)/\(key)/\(i)")
        }
    }

    // MARK: v4: rejoin_lines, then strip_transient

    private static func checkV4(_ root: JSONObject) throws(NotebookError) {
        let cells = try elements(root["cells"], "cells", "/cells")
        var cellObjects: [JSONObject] = []
        for (i, value) in cells.enumerated() {
            let path = "/cells/\(i)"
            let cell = try object(value, "a cell", path)
            try checkLines(cell["source"], "source", path)
            if let attachments = cell["attachments"] {
                for entry in try object(attachments, "'attachments'", path + "/attachments") {
                    _ = try object(entry.value, "an attachment", path + "/attachments/" + escaped(entry.key))
                }
            }
            if cell["cell_type"] == .string("code") {
                let outputs = try cell["outputs"].map { v throws(NotebookError) in try elements(v, "outputs", path + "/outputs") } ?? []
                for (j, output) in outputs.enumerated() { try checkV4Output(output, "\(path)/outputs/\(j)") }
            }
            cellObjects.append(cell)
        }
        guard case .object? = root["metadata"] else { throw fail("there is no 'metadata' object", "/metadata") }
        for (i, cell) in cellObjects.enumerated() where cell["metadata"]?.objectValue == nil {
            throw fail("the cell has no 'metadata' object", "/cells/\(i)/metadata")
        }
    }

    private static func checkV4Output(_ value: JSONValue, _ path: String) throws(NotebookError) {
        let output = try object(value, "an output", path)
        let outputType = output["output_type"] ?? .string("")
        switch outputType {
        case .array, .object:
            throw fail("'output_type' must be a string", path + "/output_type")
        case .string("execute_result"), .string("display_data"):
            if let data = output["data"] { _ = try object(data, "'data'", path + "/data") }
        default:
            if outputType.isTruthy { try checkLines(output["text"], "text", path) }
        }
    }

    // MARK: v2 and v3: rejoin_lines (and v2's restore_bytes)

    private static func checkWorksheets(_ root: JSONObject, major: Int) throws(NotebookError) {
        for (w, value) in try elements(root["worksheets"], "worksheets", "/worksheets").enumerated() {
            let sheet = try object(value, "a worksheet", "/worksheets/\(w)")
            for (i, cellValue) in try elements(sheet["cells"], "cells", "/worksheets/\(w)/cells").enumerated() {
                let path = "/worksheets/\(w)/cells/\(i)"
                let cell = try object(cellValue, "a cell", path)
                guard let cellType = cell["cell_type"] else { throw fail("the cell has no 'cell_type'", path) }
                guard cellType == .string("code") else {
                    try checkLines(cell["source"], "source", path)
                    try checkLines(cell["rendered"], "rendered", path)
                    continue
                }
                try checkLines(cell["input"], "input", path)
                for (j, outputValue) in try elements(cell["outputs"], "outputs", path + "/outputs").enumerated() {
                    let outputPath = "\(path)/outputs/\(j)"
                    let output = try object(outputValue, "an output", outputPath)
                    for key in ["text", "html", "svg", "latex", "javascript", "json"] {
                        try checkLines(output[key], key, outputPath)
                    }
                    guard major == 2 else { continue }
                    for key in ["png", "jpeg"] {
                        guard let image = output[key] else { continue }
                        guard case .string(let text) = image, text.utf8.allSatisfy({ $0 < 0x80 }) else {
                            throw fail("'\(key)' must be a base64 string", outputPath + "/" + key)
                        }
                    }
                }
            }
        }
    }

    private static func escaped(_ key: String) -> String {
        key.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
