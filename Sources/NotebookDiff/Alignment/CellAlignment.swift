import NotebookFormat

/// Which cell of the old notebook became which cell of the new one. Three passes, each only
/// inside the gaps the previous left, so no pass compares every cell with every other:
/// 1. cells with the same id (ids unique on both sides), in the longest increasing run;
/// 2. cells with the same type and source (Myers over the gap);
/// 3. cells of the same type whose sources are similar, in order, within a bounded window.
public enum CellAlignment {
    /// How far apart, in cells, pass 3 looks for a partner.
    static let similarityWindow = 32

    public static func align(_ old: [Cell], _ new: [Cell]) -> [SequenceMatcher.Match] {
        var anchors = byID(old, new)
        anchors = fillGaps(anchors, old.count, new.count) { ra, rb in
            let a = ra.map { ContentKey(old[$0]) }, b = rb.map { ContentKey(new[$0]) }
            return SequenceMatcher.matches(a, b).map { .init(ra.lowerBound + $0.old, rb.lowerBound + $0.new) }
        }
        anchors = fillGaps(anchors, old.count, new.count) { ra, rb in bySimilarity(old, ra, new, rb) }
        return anchors
    }

    /// A cell's identity for exact matching: its type and source.
    struct ContentKey: Hashable {
        var type: String
        var source: String
        init(_ cell: Cell) {
            type = cell.cellType ?? ""
            source = cell.source
        }
    }

    static func byID(_ old: [Cell], _ new: [Cell]) -> [SequenceMatcher.Match] {
        func uniqueIDs(_ cells: [Cell]) -> [String: Int] {
            var positions: [String: Int] = [:]
            var duplicates: Set<String> = []
            for (i, cell) in cells.enumerated() {
                guard let id = cell.id else { continue }
                if positions[id] != nil { duplicates.insert(id) }
                positions[id] = i
            }
            for id in duplicates { positions[id] = nil }
            return positions
        }
        let newPositions = uniqueIDs(new)
        let oldPositions = uniqueIDs(old)
        var pairs: [SequenceMatcher.Match] = []
        for (id, i) in oldPositions {
            if let j = newPositions[id] { pairs.append(.init(i, j)) }
        }
        return IncreasingRun.longest(pairs)
    }

    /// Runs `match` on each gap between consecutive anchors and merges the results in.
    static func fillGaps(
        _ anchors: [SequenceMatcher.Match], _ oldCount: Int, _ newCount: Int,
        _ match: (Range<Int>, Range<Int>) -> [SequenceMatcher.Match]
    ) -> [SequenceMatcher.Match] {
        var result: [SequenceMatcher.Match] = []
        var nextOld = 0, nextNew = 0
        for anchor in anchors + [.init(oldCount, newCount)] {
            if nextOld < anchor.old && nextNew < anchor.new {
                result += match(nextOld..<anchor.old, nextNew..<anchor.new)
            }
            if anchor.old < oldCount { result.append(anchor) }
            nextOld = anchor.old + 1
            nextNew = anchor.new + 1
        }
        return result
    }

    /// Pairs cells of the same type with similar sources, in order: each old cell takes the
    /// first similar new cell within the window after the previous pair.
    static func bySimilarity(_ old: [Cell], _ ra: Range<Int>, _ new: [Cell], _ rb: Range<Int>) -> [SequenceMatcher.Match] {
        var result: [SequenceMatcher.Match] = []
        var nextNew = rb.lowerBound
        for i in ra {
            let upper = min(rb.upperBound, nextNew + similarityWindow)
            guard nextNew < upper else { break }
            for j in nextNew..<upper where old[i].cellType == new[j].cellType
                && Similarity.areSimilar(old[i].source, new[j].source) {
                result.append(.init(i, j))
                nextNew = j + 1
                break
            }
        }
        return result
    }
}
