import NotebookFormat

/// Merges the cell lists: each side is aligned with the base (`CellAlignment`), then the base
/// cells and the gaps before them are walked in order. A base cell kept on both sides is merged
/// field by field; deleted on both sides, it goes; deleted on one side, it goes unless the other
/// side edited it, in which case it stays with a marker. Cells inserted in the same gap keep
/// both sides' cells, local's first; a cell both sides inserted appears once.
struct CellListMerge {
    var cellMerge: CellMerge

    func merge(base: [Cell], local: [Cell], remote: [Cell]) -> [CellMerge.Outcome] {
        let toLocal = Diff3.partners(CellAlignment.align(base, local), count: base.count)
        let toRemote = Diff3.partners(CellAlignment.align(base, remote), count: base.count)
        let localInserts = Self.insertions(toLocal, count: local.count)
        let remoteInserts = Self.insertions(toRemote, count: remote.count)
        var result: [CellMerge.Outcome] = []
        var gap = 0
        while gap <= base.count {
            let inserted = ((localInserts[gap] ?? []).map { local[$0] }, (remoteInserts[gap] ?? []).map { remote[$0] })
            // Base cells both sides deleted, with both sides inserting cells in their place:
            // each side replaced them, and the replacements are merged against them.
            var end = gap
            while end < base.count, toLocal[end] == nil, toRemote[end] == nil { end += 1 }
            if end > gap, !inserted.0.isEmpty, !inserted.1.isEmpty {
                result += mergeReplacements(of: base[gap..<end], local: inserted.0, remote: inserted.1)
                gap = end
                continue  // nothing is ever inserted after a cell that both sides deleted
            }
            result += mergeInsertions(local: inserted.0, remote: inserted.1)
            guard gap < base.count else { break }
            let cell = base[gap]
            switch (toLocal[gap].map { local[$0] }, toRemote[gap].map { remote[$0] }) {
            case (let l?, let r?):
                result.append(cellMerge.merge(base: cell, local: l, remote: r))
            case (nil, let r?) where CellMerge.isEdited(r, from: cell):
                result.append(kept(r, MergeConflict(kind: .deletedModified, message: "local deleted this cell, remote edited it")))
            case (let l?, nil) where CellMerge.isEdited(l, from: cell):
                result.append(kept(l, MergeConflict(kind: .deletedModified, message: "remote deleted this cell, local edited it")))
            default:
                break  // deleted on one side and unchanged on the other, or deleted on both
            }
            gap += 1
        }
        return result
    }

    /// Base cells that both sides replaced: each is merged with the next replacement of its
    /// type on each side, so that two different rewrites of one cell conflict instead of both
    /// being kept silently. Replacements left over are insertions.
    private func mergeReplacements(of replaced: ArraySlice<Cell>, local: [Cell], remote: [Cell]) -> [CellMerge.Outcome] {
        var result: [CellMerge.Outcome] = []
        var j = 0, k = 0
        for cell in replaced {
            guard let l = local[j...].firstIndex(where: { $0.cellType == cell.cellType }),
                  let r = remote[k...].firstIndex(where: { $0.cellType == cell.cellType }) else { continue }
            result += mergeInsertions(local: Array(local[j..<l]), remote: Array(remote[k..<r]))
            result.append(cellMerge.merge(base: cell, local: local[l], remote: remote[r]))
            j = l + 1
            k = r + 1
        }
        return result + mergeInsertions(local: Array(local[j...]), remote: Array(remote[k...]))
    }

    /// Without a base: cells the alignment pairs are merged as two versions of one cell; a cell
    /// found on one side only is kept with a marker, since it may have been added there or
    /// deleted on the other side.
    func mergeWithoutBase(local: [Cell], remote: [Cell]) -> [CellMerge.Outcome] {
        var result: [CellMerge.Outcome] = []
        var j = 0, k = 0
        func onlyIn(_ side: String, _ other: String, _ cell: Cell) -> CellMerge.Outcome {
            kept(cell, MergeConflict(kind: .addedOrDeleted, message: "only in \(side): added there or deleted in \(other)"))
        }
        for match in CellAlignment.align(local, remote) + [.init(local.count, remote.count)] {
            result += local[j..<match.old].map { onlyIn("local", "remote", $0) }
            result += remote[k..<match.new].map { onlyIn("remote", "local", $0) }
            if match.old < local.count {
                result.append(cellMerge.merge(base: nil, local: local[match.old], remote: remote[match.new]))
            }
            j = match.old + 1
            k = match.new + 1
        }
        return result
    }

    /// Cells both sides inserted in one gap: local's, then remote's, with cells of the same type
    /// and source (the same insertion) merged into one.
    private func mergeInsertions(local: [Cell], remote: [Cell]) -> [CellMerge.Outcome] {
        if remote.isEmpty { return local.map { cellMerge.merge(base: nil, local: $0, remote: $0) } }
        if local.isEmpty { return remote.map { cellMerge.merge(base: nil, local: $0, remote: $0) } }
        var result: [CellMerge.Outcome] = []
        var j = 0, k = 0
        let matches = SequenceMatcher.matches(local.map(CellAlignment.ContentKey.init), remote.map(CellAlignment.ContentKey.init))
        for match in matches + [.init(local.count, remote.count)] {
            result += (local[j..<match.old] + remote[k..<match.new]).map { cellMerge.merge(base: nil, local: $0, remote: $0) }
            if match.old < local.count {
                result.append(cellMerge.merge(base: nil, local: local[match.old], remote: remote[match.new]))
            }
            j = match.old + 1
            k = match.new + 1
        }
        return result
    }

    private func kept(_ cell: Cell, _ conflict: MergeConflict) -> CellMerge.Outcome {
        CellMerge.Outcome(cell: cell.keptWithMarker(conflict, clearOutputs: cellMerge.options.outputs == .clear), conflicts: [conflict])
    }

    /// The unmatched cells of one side, by the base gap they were inserted in: gap `g` lies
    /// just before base cell `g` (gap `base.count` is the end).
    static func insertions(_ partners: [Int?], count: Int) -> [Int: [Int]] {
        var baseOf = [Int?](repeating: nil, count: count)
        for (i, partner) in partners.enumerated() {
            if let partner { baseOf[partner] = i }
        }
        var result: [Int: [Int]] = [:]
        var gap = 0
        for j in 0..<count {
            if let i = baseOf[j] {
                gap = i + 1
            } else {
                result[gap, default: []].append(j)
            }
        }
        return result
    }
}
