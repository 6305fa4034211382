/// Longest-common-subsequence matching of two sequences with Myers' O((N+M)·D) algorithm,
/// after trimming their common prefix and suffix. Differences larger than `maximumCost` are
/// not searched exhaustively: the middle is matched on lines that occur once on each side
/// (patience anchors) and the rest is left unmatched, so huge rewrites stay fast. A matching
/// that is not the longest only makes a diff longer; it never loses an element.
public enum SequenceMatcher {
    /// A matched pair: `a[old] == b[new]`.
    public struct Match: Sendable, Equatable, Hashable {
        public var old: Int
        public var new: Int
        public init(_ old: Int, _ new: Int) {
            self.old = old
            self.new = new
        }
    }

    public static let maximumCost = 1_500

    /// Pairs of equal elements, increasing on both sides.
    public static func matches<T: Hashable>(_ a: [T], _ b: [T]) -> [Match] {
        var result: [Match] = []
        match(a, 0..<a.count, b, 0..<b.count, into: &result)
        return result
    }

    private static func match<T: Hashable>(_ a: [T], _ ra: Range<Int>, _ b: [T], _ rb: Range<Int>, into result: inout [Match]) {
        var lowA = ra.lowerBound, lowB = rb.lowerBound
        var highA = ra.upperBound, highB = rb.upperBound
        while lowA < highA, lowB < highB, a[lowA] == b[lowB] {
            result.append(Match(lowA, lowB))
            lowA += 1
            lowB += 1
        }
        var suffix: [Match] = []
        while lowA < highA, lowB < highB, a[highA - 1] == b[highB - 1] {
            highA -= 1
            highB -= 1
            suffix.append(Match(highA, highB))
        }
        if lowA < highA && lowB < highB {
            myers(a, lowA..<highA, b, lowB..<highB, into: &result)
        }
        result.append(contentsOf: suffix.reversed())
    }

    /// Myers' greedy forward search, keeping each round's frontier to trace the path back.
    private static func myers<T: Hashable>(_ a: [T], _ ra: Range<Int>, _ b: [T], _ rb: Range<Int>, into result: inout [Match]) {
        let n = ra.count, m = rb.count
        let offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...(n + m) {
            if d > maximumCost { break }
            trace.append(Array(frontier[(offset - d)...(offset + d)]))  // only diagonals -d...d matter
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[ra.lowerBound + x] == b[rb.lowerBound + y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else {
            result.append(contentsOf: anchoredFallback(a, ra, b, rb))
            return
        }
        // Walk back through the saved frontiers, collecting the diagonal runs (the matches).
        var path: [Match] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]  // v[d + k] is the frontier on diagonal k before round d
            let k = x - y
            let previousK = (k == -d || (k != d && v[d + k - 1] < v[d + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[d + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY && x > 0 && y > 0 {
                x -= 1
                y -= 1
                path.append(Match(ra.lowerBound + x, rb.lowerBound + y))
            }
            if d > 0 {
                x = previousX
                y = previousY
            }
        }
        result.append(contentsOf: path.reversed())
    }

    /// For differences too large to search: match elements that occur exactly once on each
    /// side, in the longest increasing run (patience diff's anchors), in linear time.
    private static func anchoredFallback<T: Hashable>(_ a: [T], _ ra: Range<Int>, _ b: [T], _ rb: Range<Int>) -> [Match] {
        func uniquePositions(_ items: [T], _ range: Range<Int>) -> [T: Int] {
            var positions: [T: Int] = [:]
            var seenTwice: Set<T> = []
            for i in range {
                if positions.updateValue(i, forKey: items[i]) != nil { seenTwice.insert(items[i]) }
            }
            for item in seenTwice { positions[item] = nil }
            return positions
        }
        let inB = uniquePositions(b, rb)
        let candidates = uniquePositions(a, ra).compactMap { item, i in inB[item].map { Match(i, $0) } }
        return IncreasingRun.longest(candidates)
    }
}

/// The longest run of matches increasing on both sides (patience sorting, O(n log n)).
public enum IncreasingRun {
    public static func longest(_ matches: [SequenceMatcher.Match]) -> [SequenceMatcher.Match] {
        // Equal `old` values sorted by falling `new`, so no two of them fit one increasing run.
        let sorted = matches.sorted { $0.old != $1.old ? $0.old < $1.old : $0.new > $1.new }
        var tails: [Int] = []  // for each run length, the index in `sorted` of its smallest tail
        var previous = [Int](repeating: -1, count: sorted.count)
        for (index, match) in sorted.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[tails[mid]].new < match.new { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var run: [SequenceMatcher.Match] = []
        var index = tails.last ?? -1
        while index >= 0 {
            run.append(sorted[index])
            index = previous[index]
        }
        return run.reversed()
    }
}
