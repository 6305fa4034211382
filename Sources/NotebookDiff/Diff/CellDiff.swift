import NotebookFormat

/// How one cell present in both notebooks changed. Each part is nil (or empty) when it did not
/// change or the options ignore it. The cells are kept (multi-line text joined) for renderers.
public struct CellDiff: Sendable, Equatable {
    public var old: Cell
    public var new: Cell
    public var position: SequencePosition

    public var cellType: ValueChange<String?>?
    public var id: ValueChange<String?>?
    /// The cell's `execution_count` (nil = key missing, `.null` = not run).
    public var executionCount: ValueChange<JSONValue?>?
    public var source: LineDiff?
    public var outputs: OutputsDiff?
    public var metadata: ObjectDiff?
    /// Attachments by name, each replaced as a whole.
    public var attachments: ObjectDiff?
    /// Keys outside the nbformat v4 cell schema.
    public var otherKeys: ObjectDiff?

    /// The cell keys this type compares one by one; anything else lands in `otherKeys`.
    public static let knownKeys: Set<String> = [
        "cell_type", "id", "execution_count", "source", "outputs", "metadata", "attachments",
    ]

    /// Compares two cells; they are joined first, so either may hold lists of lines.
    public init(old: Cell, new: Cell, position: SequencePosition, options: DiffOptions = .all) {
        let a = JoinedLines.cell(old.json), b = JoinedLines.cell(new.json)
        self.old = Cell(a)
        self.new = Cell(b)
        self.position = position
        cellType = .between(a["cell_type"]?.stringValue, b["cell_type"]?.stringValue)
        if options.ids { id = .between(a["id"]?.stringValue, b["id"]?.stringValue) }
        if options.details {
            executionCount = .between(a["execution_count"], b["execution_count"])
            let other = ObjectDiff(a, b, recursive: false, ignoring: Self.knownKeys)
            otherKeys = other.isEmpty ? nil : other
        }
        if options.sources {
            let (x, y) = (a["source"]?.stringValue ?? "", b["source"]?.stringValue ?? "")
            source = x == y ? nil : LineDiff(old: x, new: y)
        }
        var presence = ObjectDiff()
        if options.outputs, a["outputs"] != b["outputs"] {
            let diff = OutputsDiff(old: Cell(a).outputs, new: Cell(b).outputs, options: options)
            outputs = diff.isEmpty ? nil : diff
            if diff.isEmpty { Self.recordPresence(a, b, "outputs", in: &presence) }
        }
        if options.metadata { metadata = Self.objectDiff(a, b, "metadata", recursive: true, presence: &presence) }
        if options.attachments { attachments = Self.objectDiff(a, b, "attachments", recursive: false, presence: &presence) }
        if !presence.isEmpty {
            presence.entries += otherKeys?.entries ?? []
            presence.entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            otherKeys = presence
        }
    }

    /// True when nothing that the options look at changed.
    public var isEmpty: Bool {
        cellType == nil && id == nil && executionCount == nil && source == nil && outputs == nil
            && metadata == nil && attachments == nil && otherKeys == nil
    }

    /// The diff of an object-valued key, a missing key counting as an empty object. A key that
    /// only appears or disappears empty goes to `presence`, so that the change is still recorded.
    private static func objectDiff(
        _ a: JSONObject, _ b: JSONObject, _ key: String, recursive: Bool, presence: inout ObjectDiff
    ) -> ObjectDiff? {
        guard a[key] != b[key] else { return nil }
        let diff = ObjectDiff(a[key]?.objectValue ?? JSONObject(), b[key]?.objectValue ?? JSONObject(), recursive: recursive)
        if diff.isEmpty {
            recordPresence(a, b, key, in: &presence)
            return nil
        }
        return diff
    }

    /// A key on one side only, whose value compares as empty: recorded as added or removed.
    private static func recordPresence(_ a: JSONObject, _ b: JSONObject, _ key: String, in presence: inout ObjectDiff) {
        if let value = b[key], a[key] == nil { presence.entries.append(.init(key: key, change: .added(value))) }
        if let value = a[key], b[key] == nil { presence.entries.append(.init(key: key, change: .removed(value))) }
    }
}
