import NotebookFormat

/// papermill's `parameterize_notebook` for Python kernels: a code cell tagged
/// `injected-parameters` holding `# Parameters` and one `name = literal` line per parameter,
/// placed right after the first cell tagged `parameters` (or replacing an earlier injected cell;
/// at the top when there is neither), and the parameters recorded in `metadata.papermill`.
public enum PapermillParameters {
    public static let parametersTag = "parameters"
    public static let injectedTag = "injected-parameters"

    /// The cell source papermill's PythonTranslator.codify writes (without black formatting).
    public static func source(_ parameters: JSONObject) -> String {
        var text = "# Parameters\n"
        for entry in parameters { text += entry.key + " = " + PythonLiteral.render(entry.value) + "\n" }
        return text
    }

    /// Inserts (or replaces) the injected cell; returns false when no cell is tagged `parameters`
    /// (the cell then goes first, with papermill's warning left to the caller).
    @discardableResult
    public static func inject(_ parameters: JSONObject, into notebook: inout Notebook) -> Bool {
        let hasIDs = notebook.hasCellIDs
        var found = true
        notebook.updateCells { cells in
            var cell = JSONObject()
            cell["cell_type"] = .string("code")
            cell["execution_count"] = .null
            var metadata = JSONObject()
            metadata["tags"] = .array([.string(injectedTag)])
            cell["metadata"] = .object(metadata)
            cell["outputs"] = .array([])
            cell["source"] = .string(source(parameters))
            if let injected = cells.firstIndex(where: { $0.tags.contains(injectedTag) }) {
                if hasIDs { cell["id"] = cells[injected].json["id"] ?? .string(freeID(cells)) }
                cells[injected] = Cell(cell)
            } else {
                // A stable id instead of nbformat's random one, so re-runs do not churn git.
                if hasIDs { cell["id"] = .string(freeID(cells)) }
                if let tagged = cells.firstIndex(where: { $0.tags.contains(parametersTag) }) {
                    cells.insert(Cell(cell), at: tagged + 1)
                } else {
                    found = false
                    cells.insert(Cell(cell), at: 0)
                }
            }
        }
        var papermill = notebook.metadata["papermill"]?.objectValue ?? JSONObject()
        papermill["parameters"] = .object(parameters)
        notebook.metadata["papermill"] = .object(papermill)
        return found
    }

    private static func freeID(_ cells: [Cell]) -> String {
        let taken = Set(cells.compactMap(\.id))
        var id = injectedTag
        var n = 1
        while taken.contains(id) {
            n += 1
            id = injectedTag + "-\(n)"
        }
        return id
    }

    /// Python identifiers (ASCII letters, digits, `_`, or any letter; not starting with a digit;
    /// not a keyword), which papermill needs for `name = value`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        guard name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return false }
        return !pythonKeywords.contains(name)
    }

    static let pythonKeywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}
