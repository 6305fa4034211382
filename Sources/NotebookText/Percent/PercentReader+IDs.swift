import NotebookFormat

/// Cell ids for the cells a script gives, by `CellIDs`' scheme (eight hex digits of an FNV-1a
/// hash of the cell's position, type and source, salted on collision), with one set of taken ids
/// so that long scripts stay linear.
extension PercentReader {
    /// Gives every cell without an id one that no other cell has.
    static func fillMissingIDs(_ cells: inout [Cell]) {
        var taken = Set(cells.compactMap(\.id))
        for i in cells.indices where cells[i].id == nil {
            let id = CellIDs.makeID(for: cells[i], index: i, avoiding: taken)
            taken.insert(id)
            cells[i].id = id
        }
    }
}
