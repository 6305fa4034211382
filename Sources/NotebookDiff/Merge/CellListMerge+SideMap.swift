import NotebookFormat

extension CellListMerge {
    /// Where the base's cells went on one side: kept in place (aligned), moved (unaligned, but a
    /// cell with the same id was inserted elsewhere), or deleted; and which cells were inserted
    /// in which gap. Gap `g` lies just before base cell `g`; gap `base.count` is the end.
    struct SideMap {
        var cells: [Cell]
        /// For each base cell, its index on this side when kept in place.
        var partner: [Int?]
        /// Gap → indices of the cells inserted there, in order.
        var inserted: [Int: [Int]] = [:]
        /// Base index → index of the cell it was moved to.
        var moved: [Int: Int] = [:]
        /// The inverse of `moved`.
        var movedFrom: [Int: Int] = [:]

        init(base: [Cell], side: [Cell]) {
            cells = side
            partner = Diff3.partners(CellAlignment.align(base, side), count: base.count)
            var baseOf = [Int?](repeating: nil, count: side.count)
            for (i, j) in partner.enumerated() {
                if let j { baseOf[j] = i }
            }
            var gap = 0
            var insertedByID: [String: Int] = [:]
            for j in side.indices {
                if let i = baseOf[j] {
                    gap = i + 1
                } else {
                    inserted[gap, default: []].append(j)
                    if let id = side[j].id { insertedByID[id] = j }
                }
            }
            for (i, cell) in base.enumerated() where partner[i] == nil {
                if let id = cell.id, let j = insertedByID[id] {
                    moved[i] = j
                    movedFrom[j] = i
                }
            }
        }

        /// The base cell's version on this side, in place or moved; nil when deleted.
        func version(of baseIndex: Int) -> Cell? {
            (partner[baseIndex] ?? moved[baseIndex]).map { cells[$0] }
        }
    }
}
