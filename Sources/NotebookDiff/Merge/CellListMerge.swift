import NotebookFormat

/// Merges the cell lists: each side is aligned with the base (`CellAlignment`), then the base
/// cells and the gaps before them are walked in order. A base cell kept on both sides is merged
/// field by field; deleted on both sides, it goes; deleted on one side, it goes unless the other
/// side edited it, in which case it stays with a marker. A cell one side moved (the same id
/// elsewhere) is merged at its new place. Cells inserted in the same gap keep both sides' cells,
/// local's first; a cell both sides inserted appears once.
struct CellListMerge {
    var cellMerge: CellMerge

    func merge(base: [Cell], local: [Cell], remote: [Cell]) -> [CellMerge.Outcome] {
        let l = SideMap(base: base, side: local), r = SideMap(base: base, side: remote)
        var result: [CellMerge.Outcome] = []
        var gap = 0
        while gap <= base.count {
            let inserted = items(inGap: gap, base: base, l, r)
            // Base cells both sides deleted, with both sides inserting cells in their place:
            // each side replaced them, and the replacements are merged against them.
            var end = gap
            while end < base.count, l.version(of: end) == nil, r.version(of: end) == nil { end += 1 }
            if end > gap, let lc = Item.cells(inserted.local), let rc = Item.cells(inserted.remote), !lc.isEmpty, !rc.isEmpty {
                result += mergeReplacements(of: base[gap..<end], local: lc, remote: rc)
                gap = end
                continue  // nothing is ever inserted after a cell that both sides deleted
            }
            result += mergeInsertions(local: inserted.local, remote: inserted.remote)
            guard gap < base.count else { break }
            if l.moved[gap] == nil, r.moved[gap] == nil,
               let outcome = mergeBaseCell(base[gap], local: l.partner[gap].map { local[$0] }, remote: r.partner[gap].map { remote[$0] }) {
                result.append(outcome)
            }
            gap += 1
        }
        return result
    }

    /// What becomes of a base cell, given its version on each side (nil where deleted); nil
    /// when it goes.
    func mergeBaseCell(_ cell: Cell, local: Cell?, remote: Cell?) -> CellMerge.Outcome? {
        switch (local, remote) {
        case (let l?, let r?):
            return cellMerge.merge(base: cell, local: l, remote: r)
        case (nil, let r?) where CellMerge.isEdited(r, from: cell):
            return kept(r, MergeConflict(kind: .deletedModified, message: "local deleted this cell, remote edited it"))
        case (let l?, nil) where CellMerge.isEdited(l, from: cell):
            return kept(l, MergeConflict(kind: .deletedModified, message: "remote deleted this cell, local edited it"))
        default:
            return nil  // deleted on one side and unchanged on the other, or deleted on both
        }
    }

    /// The cells each side inserted in a gap. A cell one side moved there is settled there
    /// (merged with the other side's version); moved by both, it is settled at local's place.
    private func items(inGap gap: Int, base: [Cell], _ l: SideMap, _ r: SideMap) -> (local: [Item], remote: [Item]) {
        var local: [Item] = [], remote: [Item] = []
        for j in l.inserted[gap] ?? [] {
            guard let i = l.movedFrom[j] else {
                local.append(.inserted(l.cells[j]))
                continue
            }
            if let outcome = mergeBaseCell(base[i], local: l.cells[j], remote: r.version(of: i)) { local.append(.settled(outcome)) }
        }
        for k in r.inserted[gap] ?? [] {
            guard let i = r.movedFrom[k] else {
                remote.append(.inserted(r.cells[k]))
                continue
            }
            if l.moved[i] == nil, let outcome = mergeBaseCell(base[i], local: l.version(of: i), remote: r.cells[k]) {
                remote.append(.settled(outcome))
            }
        }
        return (local, remote)
    }

    func kept(_ cell: Cell, _ conflict: MergeConflict) -> CellMerge.Outcome {
        CellMerge.Outcome(cell: cell.keptWithMarker(conflict, clearOutputs: cellMerge.options.outputs == .clear), conflicts: [conflict])
    }
}
