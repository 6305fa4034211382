import NotebookFormat

/// Deleted and inserted cells that are one cell moved: the same id (when ids count), or else
/// the same content. nbdime's format has no moves; the renderer shows them as one.
struct MovedCells {
    /// Change index of a deletion → change index of its insertion.
    private var destinationOf: [Int: Int] = [:]
    private var sourceOf: [Int: Int] = [:]
    private let cells: [CellChange]

    init(_ diff: NotebookDiff) {
        cells = diff.cells
        var deletedByID: [String: Int] = [:]
        var deletedByContent: [ContentKey: Int] = [:]
        for (index, change) in cells.enumerated() {
            guard case .deleted(let cell, _) = change else { continue }
            if diff.options.ids, let id = cell.id { deletedByID[id] = index }
            if !cell.source.isEmpty { deletedByContent[Self.content(cell)] = index }
        }
        for (index, change) in cells.enumerated() {
            guard case .inserted(let cell, _) = change else { continue }
            var match: Int?
            if diff.options.ids, let id = cell.id { match = deletedByID.removeValue(forKey: id) }
            if match == nil, !cell.source.isEmpty { match = deletedByContent.removeValue(forKey: Self.content(cell)) }
            if let match, destinationOf[match] == nil {
                destinationOf[match] = index
                sourceOf[index] = match
            }
        }
    }

    /// The deleted cell an insertion moved from.
    func source(ofInsertion index: Int) -> (cell: Cell, position: SequencePosition)? {
        guard let from = sourceOf[index], case .deleted(let cell, let p) = cells[from] else { return nil }
        return (cell, p)
    }

    /// The new position (0-based) a deleted cell moved to.
    func destination(ofDeletion index: Int) -> Int? {
        destinationOf[index].map { cells[$0].position.new }
    }

    private static func content(_ cell: Cell) -> ContentKey {
        var json = cell.json
        json.removeValue(forKey: "id")
        return ContentKey(.object(json))
    }
}
