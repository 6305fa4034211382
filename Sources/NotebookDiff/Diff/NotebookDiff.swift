import NotebookFormat

/// The differences between two v4 notebooks, cell by cell: the structured model that the
/// terminal renderer and nbdime's JSON format are made from.
///
/// Cells are paired by `CellAlignment` (ids, then equal content, then similar sources within
/// the gaps), so no step compares every cell with every other. Paired cells that are equal as
/// JSON are skipped before any detailed comparison.
public struct NotebookDiff: Sendable, Equatable {
    /// Inserted, deleted and modified cells, in notebook order.
    public var cells: [CellChange]
    /// Notebook metadata, key by key (nested objects recursively).
    public var metadata: ObjectDiff
    public var nbformat: ValueChange<Int>?
    public var nbformatMinor: ValueChange<Int>?
    /// Top-level keys other than `cells`, `metadata`, `nbformat` and `nbformat_minor`.
    public var otherKeys: ObjectDiff
    /// The options the diff was computed with.
    public var options: DiffOptions

    public init(
        cells: [CellChange] = [], metadata: ObjectDiff = ObjectDiff(), nbformat: ValueChange<Int>? = nil,
        nbformatMinor: ValueChange<Int>? = nil, otherKeys: ObjectDiff = ObjectDiff(), options: DiffOptions = .all
    ) {
        self.cells = cells
        self.metadata = metadata
        self.nbformat = nbformat
        self.nbformatMinor = nbformatMinor
        self.otherKeys = otherKeys
        self.options = options
    }

    /// Diffs two notebooks. Both should be v4 (`upgradedToV4()`); cells of older versions are
    /// compared as they are.
    public init(old: Notebook, new: Notebook, options: DiffOptions = .all) {
        let oldCells = old.cells, newCells = new.cells
        var changes: [CellChange] = []
        let steps = SequenceWalk.steps(
            NotebookDiff.align(oldCells, newCells, options: options), oldCount: oldCells.count, newCount: newCells.count)
        for step in steps {
            switch step {
            case .deleted(let p): changes.append(.deleted(Cell(JoinedLines.cell(oldCells[p.old].json)), at: p))
            case .inserted(let p): changes.append(.inserted(Cell(JoinedLines.cell(newCells[p.new].json)), at: p))
            case .matched(let p):
                let a = oldCells[p.old], b = newCells[p.new]
                guard a != b else { continue }
                let diff = CellDiff(old: a, new: b, position: p, options: options)
                if !diff.isEmpty { changes.append(.modified(diff)) }
            }
        }
        self.cells = changes
        self.options = options
        metadata = options.metadata ? ObjectDiff(old.metadata, new.metadata) : ObjectDiff()
        if options.details {
            nbformat = .between(old.major, new.major)
            nbformatMinor = .between(old.minor, new.minor)
            otherKeys = ObjectDiff(old.json, new.json, recursive: false, ignoring: NotebookDiff.knownKeys)
        } else {
            otherKeys = ObjectDiff()
        }
    }

    static let knownKeys: Set<String> = ["cells", "metadata", "nbformat", "nbformat_minor", "worksheets"]

    /// True when the notebooks are the same in every part the options look at.
    public var isEmpty: Bool {
        cells.isEmpty && metadata.isEmpty && nbformat == nil && nbformatMinor == nil && otherKeys.isEmpty
    }

    /// Pairs the cells; without ids when the options ignore them.
    static func align(_ old: [Cell], _ new: [Cell], options: DiffOptions) -> [SequenceMatcher.Match] {
        guard !options.ids else { return CellAlignment.align(old, new) }
        func withoutIDs(_ cells: [Cell]) -> [Cell] {
            cells.map { cell in
                var copy = cell
                copy.id = nil
                return copy
            }
        }
        return CellAlignment.align(withoutIDs(old), withoutIDs(new))
    }
}
