/// Reads notebook bytes the way `nbformat.read(..., as_version=NO_CONVERT)` does, without ever
/// inventing random ids: 4.5 cells without an id, or with a duplicate one, get a deterministic id.
public enum NotebookReader {
    /// The nbformat major versions quire reads.
    public static let supportedMajors = 2...4

    /// Reads one notebook. Notebooks read with the same `pool` share the storage of their long
    /// strings (images), which keeps a three-way merge of big notebooks small in memory.
    public static func read(_ bytes: [UInt8], pool: StringPool? = nil) throws(NotebookError) -> Notebook {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, pool: pool)
        } catch {
            if let marker = ConflictMarkers.firstMarkerLine(in: bytes) {
                throw NotebookError(
                    .conflictMarkers,
                    "the notebook holds git conflict markers ('\(marker.text)'); repair it with `quire resolve`",
                    line: marker.line, column: 1)
            }
            throw NotebookError(.invalidJSON, "invalid JSON: \(error.message)", line: error.line, column: error.column)
        }
        return try read(value)
    }

    public static func read(_ value: JSONValue) throws(NotebookError) -> Notebook {
        guard case .object(let root) = value else {
            throw NotebookError(.notANotebook, "not a notebook: the top level is \(article(value.typeName)), not an object")
        }
        guard let versionValue = root["nbformat"] else {
            throw NotebookError(.notANotebook, "not a notebook: there is no 'nbformat' key")
        }
        guard let major = versionValue.intValue, supportedMajors.contains(major) else {
            throw NotebookError(
                .unsupportedVersion,
                "nbformat \(versionValue.description) is not supported; quire reads nbformat 2, 3 and 4",
                jsonPath: "/nbformat")
        }
        var notebook = Notebook(json: root)
        try checkStructure(notebook)
        LineJoining.rejoin(&notebook)
        if major == 4 {
            Transients.strip(&notebook)
            if notebook.hasCellIDs { CellIDs.repair(&notebook) }
        }
        return notebook
    }

    private static func checkStructure(_ notebook: Notebook) throws(NotebookError) {
        let json = notebook.json
        guard json["metadata"]?.objectValue != nil else {
            throw NotebookError(.notANotebook, "the notebook has no 'metadata' object", jsonPath: "/metadata")
        }
        if notebook.major == 4 {
            try checkCells(json["cells"], path: "/cells")
            return
        }
        guard let sheets = json["worksheets"]?.arrayValue else {
            throw NotebookError(.notANotebook, "a v\(notebook.major) notebook needs a 'worksheets' list", jsonPath: "/worksheets")
        }
        for (i, sheet) in sheets.enumerated() {
            guard let sheet = sheet.objectValue else {
                throw NotebookError(.notANotebook, "a worksheet must be an object", jsonPath: "/worksheets/\(i)")
            }
            try checkCells(sheet["cells"], path: "/worksheets/\(i)/cells", needsMetadata: false)
        }
    }

    private static func checkCells(_ value: JSONValue?, path: String, needsMetadata: Bool = true) throws(NotebookError) {
        guard let cells = value?.arrayValue else {
            throw NotebookError(.notANotebook, "the notebook has no 'cells' list", jsonPath: path)
        }
        for (i, cell) in cells.enumerated() {
            guard let cell = cell.objectValue else {
                throw NotebookError(.notANotebook, "a cell must be an object", jsonPath: "\(path)/\(i)")
            }
            if needsMetadata && cell["metadata"]?.objectValue == nil {
                throw NotebookError(.notANotebook, "the cell has no 'metadata' object", jsonPath: "\(path)/\(i)/metadata")
            }
            if let outputs = cell["outputs"], cell["cell_type"]?.stringValue == "code" {
                guard let list = outputs.arrayValue, list.allSatisfy({ $0.objectValue != nil }) else {
                    throw NotebookError(.notANotebook, "'outputs' must be a list of objects", jsonPath: "\(path)/\(i)/outputs")
                }
            }
        }
    }

    static func article(_ typeName: String) -> String {
        ["array", "integer", "object"].contains(typeName) ? "an \(typeName)" : "a \(typeName)"
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { JSONWriter(indent: nil, sortKeys: false).string(self) }
}
