import NotebookFormat

extension CellListMerge {
    /// A cell a side inserted in a gap: new, or a moved cell already merged.
    enum Item {
        case inserted(Cell)
        case settled(CellMerge.Outcome)

        /// The cells, when every item is a new cell.
        static func cells(_ items: [Item]) -> [Cell]? {
            var cells: [Cell] = []
            for item in items {
                guard case .inserted(let cell) = item else { return nil }
                cells.append(cell)
            }
            return cells
        }
    }

    /// Cells both sides inserted in one gap: local's, then remote's, with new cells of the same
    /// type and source (the same insertion) merged into one.
    func mergeInsertions(local: [Item], remote: [Item]) -> [CellMerge.Outcome] {
        enum Key: Hashable {
            case content(CellAlignment.ContentKey)
            case unique(Int)
        }
        func keys(_ items: [Item], _ sign: Int) -> [Key] {
            items.enumerated().map { index, item in
                if case .inserted(let cell) = item { return .content(CellAlignment.ContentKey(cell)) }
                return .unique(sign * (index + 1))
            }
        }
        func alone(_ item: Item) -> CellMerge.Outcome {
            switch item {
            case .inserted(let cell): return cellMerge.merge(base: nil, local: cell, remote: cell)
            case .settled(let outcome): return outcome
            }
        }
        if local.isEmpty || remote.isEmpty { return (local + remote).map(alone) }
        var result: [CellMerge.Outcome] = []
        var j = 0, k = 0
        for match in SequenceMatcher.matches(keys(local, 1), keys(remote, -1)) + [.init(local.count, remote.count)] {
            result += (local[j..<match.old] + remote[k..<match.new]).map(alone)
            if match.old < local.count {
                if case .inserted(let l) = local[match.old], case .inserted(let r) = remote[match.new] {
                    result.append(cellMerge.merge(base: nil, local: l, remote: r))
                } else {
                    result += [alone(local[match.old]), alone(remote[match.new])]
                }
            }
            j = match.old + 1
            k = match.new + 1
        }
        return result
    }

    /// Base cells that both sides replaced: each is merged with the next replacement of its
    /// type on each side, so that two different rewrites of one cell conflict instead of both
    /// being kept silently. Replacements left over are insertions.
    func mergeReplacements(of replaced: ArraySlice<Cell>, local: [Cell], remote: [Cell]) -> [CellMerge.Outcome] {
        var result: [CellMerge.Outcome] = []
        var j = 0, k = 0
        for cell in replaced {
            guard let l = local[j...].firstIndex(where: { $0.cellType == cell.cellType }),
                  let r = remote[k...].firstIndex(where: { $0.cellType == cell.cellType }) else { continue }
            result += mergeInsertions(local: local[j..<l].map(Item.inserted), remote: remote[k..<r].map(Item.inserted))
            result.append(cellMerge.merge(base: cell, local: local[l], remote: remote[r]))
            j = l + 1
            k = r + 1
        }
        return result + mergeInsertions(local: local[j...].map(Item.inserted), remote: remote[k...].map(Item.inserted))
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
}
