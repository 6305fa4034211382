/// The three-way merge of sequences that `diff3` and git's `merge-file` perform: both versions
/// are matched against the base with `SequenceMatcher`, and the sequences are cut into stable
/// runs (the same on all three sides) and changed chunks between them.
public enum Diff3 {
    public enum Chunk: Sendable, Equatable {
        /// Equal on all three sides.
        case stable(base: Range<Int>, local: Range<Int>, remote: Range<Int>)
        /// At least one side differs from the base here.
        case changed(base: Range<Int>, local: Range<Int>, remote: Range<Int>)
    }

    /// How a changed chunk resolves.
    public enum Resolution: Sendable, Equatable {
        /// Both sides made the same change, or only local changed: take local's part.
        case local
        /// Only remote changed: take remote's part.
        case remote
        /// Both changed, differently.
        case conflict
    }

    /// The stable runs and changed chunks of a three-way merge, in order.
    public static func chunks<T: Hashable>(base: [T], local: [T], remote: [T]) -> [Chunk] {
        let toLocal = partners(SequenceMatcher.matches(base, local), count: base.count)
        let toRemote = partners(SequenceMatcher.matches(base, remote), count: base.count)
        var result: [Chunk] = []
        var i = 0, j = 0, k = 0
        while i < base.count || j < local.count || k < remote.count {
            let start = (i, j, k)
            while i < base.count, toLocal[i] == j, toRemote[i] == k {
                i += 1
                j += 1
                k += 1
            }
            if i > start.0 { result.append(.stable(base: start.0..<i, local: start.1..<j, remote: start.2..<k)) }
            // The next base element matched on both sides ends the changed chunk.
            var p = i
            var ends = (local.count, remote.count)
            while p < base.count {
                if let l = toLocal[p], let r = toRemote[p] {
                    ends = (l, r)
                    break
                }
                p += 1
            }
            if p == i && ends.0 == j && ends.1 == k { continue }
            result.append(.changed(base: i..<p, local: j..<ends.0, remote: k..<ends.1))
            i = p
            j = ends.0
            k = ends.1
        }
        return result
    }

    /// The chunks of two versions without a known base: the runs they share are stable, every
    /// difference is a changed chunk with an empty base range.
    public static func chunks<T: Hashable>(local: [T], remote: [T]) -> [Chunk] {
        var result: [Chunk] = []
        var j = 0, k = 0
        for match in SequenceMatcher.matches(local, remote) + [.init(local.count, remote.count)] {
            if match.old > j || match.new > k {
                result.append(.changed(base: 0..<0, local: j..<match.old, remote: k..<match.new))
            }
            if match.old < local.count {
                if case .stable(let b, let l, let r)? = result.last, l.upperBound == match.old, r.upperBound == match.new {
                    result[result.count - 1] = .stable(base: b, local: l.lowerBound..<(match.old + 1), remote: r.lowerBound..<(match.new + 1))
                } else {
                    result.append(.stable(base: 0..<0, local: match.old..<(match.old + 1), remote: match.new..<(match.new + 1)))
                }
            }
            j = match.old + 1
            k = match.new + 1
        }
        return result
    }

    /// How a changed chunk resolves, by content: a side whose part equals the base's did not
    /// change it. Without a base every difference is a conflict.
    public static func resolve<T: Equatable>(
        base: ArraySlice<T>?, local: ArraySlice<T>, remote: ArraySlice<T>
    ) -> Resolution {
        if local.elementsEqual(remote) { return .local }
        guard let base else { return .conflict }
        if local.elementsEqual(base) { return .remote }
        if remote.elementsEqual(base) { return .local }
        return .conflict
    }

    /// For each base index, the index of its partner on the other side.
    static func partners(_ matches: [SequenceMatcher.Match], count: Int) -> [Int?] {
        var result = [Int?](repeating: nil, count: count)
        for match in matches { result[match.old] = match.new }
        return result
    }
}
