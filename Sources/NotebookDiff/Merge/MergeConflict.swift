import NotebookFormat

/// Something a merge could not decide. It stays in the merged notebook: markers in the cell's
/// source where text conflicts, and an entry under `metadata.quire.conflicts` of the cell (or of
/// the notebook, for notebook metadata) describing it.
public struct MergeConflict: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// Both sides edited the same lines of the source.
        case source
        /// One side deleted the cell, the other edited it; the edited cell was kept.
        case deletedModified = "deleted-modified"
        /// Both sides changed one metadata key differently; local's value was kept.
        case metadata
        /// Both sides changed the cell type differently; local's type was kept.
        case cellType = "cell-type"
        /// Both sides changed one attachment differently; local's was kept.
        case attachments
        /// Both sides changed another field differently; local's value was kept.
        case field
        /// Without a base (resolving `<<<<<<<`/`>>>>>>>` without a `|||||||` section) a cell
        /// found on one side only may have been added there or deleted on the other; it was kept.
        case addedOrDeleted = "added-or-deleted"
        /// Git conflict markers in a cell's source with no entry describing them.
        case markers
    }

    public var kind: Kind
    public var message: String
    /// The cell's position in the merged notebook, from 0; nil for the notebook's metadata.
    public var cellIndex: Int?
    public var cellID: String?
    /// The metadata key, attachment name or field, as a `/`-separated path.
    public var key: String?
    /// The values when they are small; nil when absent or large.
    public var base: JSONValue?
    public var local: JSONValue?
    public var remote: JSONValue?

    public init(
        kind: Kind, message: String, cellIndex: Int? = nil, cellID: String? = nil, key: String? = nil,
        base: JSONValue? = nil, local: JSONValue? = nil, remote: JSONValue? = nil
    ) {
        self.kind = kind
        self.message = message
        self.cellIndex = cellIndex
        self.cellID = cellID
        self.key = key
        self.base = base
        self.local = local
        self.remote = remote
    }

    /// `cell 7 (id abc123)` (counting from 1, as people do), or `notebook metadata`.
    public var place: String {
        guard let cellIndex else { return "notebook metadata" }
        return "cell \(cellIndex + 1)" + (cellID.map { " (id \($0))" } ?? "")
    }

    /// `cell 7 (id abc123): both sides edited the source`
    public var description: String { place + ": " + message }

    /// Values larger than this (as compact JSON) are not copied into the entry.
    static let largestRecordedValue = 1_000

    /// The entry stored under `metadata.quire.conflicts`.
    public var entry: JSONValue {
        var object = JSONObject()
        object["kind"] = .string(kind.rawValue)
        object["message"] = .string(message)
        if let key { object["key"] = .string(key) }
        for (name, value) in [("base", base), ("local", local), ("remote", remote)] {
            if let value, value.description.utf8.count <= Self.largestRecordedValue { object[name] = value }
        }
        return .object(object)
    }

    /// A conflict read back from an entry; nil when the entry is not one quire wrote.
    public init?(entry: JSONValue, cellIndex: Int?, cellID: String?) {
        guard let object = entry.objectValue, let kindName = object["kind"]?.stringValue else { return nil }
        self.init(
            kind: Kind(rawValue: kindName) ?? .field,
            message: object["message"]?.stringValue ?? kindName,
            cellIndex: cellIndex, cellID: cellID, key: object["key"]?.stringValue,
            base: object["base"], local: object["local"], remote: object["remote"])
    }
}
