/// A notebook of any nbformat version, held as its JSON object with transient keys dropped.
/// Multi-line text may be a string or a list of lines (`Cell.source` joins it); the writer gives
/// both the bytes nbformat writes. Keys quire does not know stay.
public struct Notebook: Sendable, Equatable {
    public var json: JSONObject

    public init(json: JSONObject) { self.json = json }

    /// `nbformat`, the major version (4 for current notebooks).
    public var major: Int { json["nbformat"]?.intValue ?? 1 }
    /// `nbformat_minor`; nbformat treats a missing one as 0.
    public var minor: Int { json["nbformat_minor"]?.intValue ?? 0 }

    public var metadata: JSONObject {
        get { json["metadata"]?.objectValue ?? JSONObject() }
        set { json["metadata"] = .object(newValue) }
    }

    /// True when cells carry ids (nbformat 4.5 and later).
    public var hasCellIDs: Bool { major == 4 && minor >= 5 }

    /// The cells in order; v2/v3 worksheets are flattened.
    public var cells: [Cell] {
        var result: [Cell] = []
        forEachCellList { list in result += list.compactMap { $0.objectValue.map(Cell.init) } }
        return result
    }

    /// Rewrites every cell in place (v4 `cells`, or the cells of every v2/v3 worksheet).
    public mutating func updateCells(_ transform: (inout [Cell]) throws -> Void) rethrows {
        try modifyCellLists { values in
            var cells: [Cell] = []
            cells.reserveCapacity(values.count)
            for case .object(let object) in values { cells.append(Cell(object)) }
            values = []  // the cells become the only owners, so editing them copies nothing
            try transform(&cells)
            values = cells.map { .object($0.json) }
        }
    }

    private func forEachCellList(_ body: ([JSONValue]) -> Void) {
        if major >= 4 {
            body(json["cells"]?.arrayValue ?? [])
        } else {
            for sheet in json["worksheets"]?.arrayValue ?? [] {
                body(sheet.objectValue?["cells"]?.arrayValue ?? [])
            }
        }
    }

    private mutating func modifyCellLists(_ body: (inout [JSONValue]) throws -> Void) rethrows {
        if major >= 4 {
            guard case .array(var values)? = json["cells"] else { return }
            json["cells"] = .null  // drop the reference so the array is uniquely owned
            try body(&values)
            json["cells"] = .array(values)
            return
        }
        guard case .array(var sheets)? = json["worksheets"] else { return }
        for i in sheets.indices {
            guard case .object(var sheet) = sheets[i], case .array(var values)? = sheet["cells"] else { continue }
            try body(&values)
            sheet["cells"] = .array(values)
            sheets[i] = .object(sheet)
        }
        json["worksheets"] = .array(sheets)
    }
}
