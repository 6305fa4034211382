import NotebookFormat

/// One step of a notebook diff's walk over the cells, in order.
public enum CellChange: Sendable, Equatable {
    /// A cell only in the new notebook, at `position.new`, inserted before old cell `position.old`.
    case inserted(Cell, at: SequencePosition)
    /// A cell only in the old notebook, at `position.old`.
    case deleted(Cell, at: SequencePosition)
    /// A cell in both notebooks that changed.
    case modified(CellDiff)

    public var position: SequencePosition {
        switch self {
        case .inserted(_, let p), .deleted(_, let p): return p
        case .modified(let diff): return diff.position
        }
    }

    /// The cell as it is in the new notebook, or the deleted cell.
    public var cell: Cell {
        switch self {
        case .inserted(let cell, _), .deleted(let cell, _): return cell
        case .modified(let diff): return diff.new
        }
    }
}
