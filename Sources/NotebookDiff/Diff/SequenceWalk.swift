/// Turns the matched pairs of two sequences into an ordered walk over both: in each gap between
/// matches the unmatched old elements (deleted), then the unmatched new ones (inserted), then the
/// match that closes the gap.
enum SequenceWalk {
    enum Step: Equatable {
        case deleted(SequencePosition)
        case inserted(SequencePosition)
        case matched(SequencePosition)
    }

    static func steps(_ matches: [SequenceMatcher.Match], oldCount: Int, newCount: Int) -> [Step] {
        var steps: [Step] = []
        var nextOld = 0, nextNew = 0
        for match in matches + [SequenceMatcher.Match(oldCount, newCount)] {
            for i in nextOld..<match.old { steps.append(.deleted(SequencePosition(old: i, new: nextNew))) }
            for j in nextNew..<match.new { steps.append(.inserted(SequencePosition(old: nextOld, new: j))) }
            if match.old < oldCount { steps.append(.matched(SequencePosition(old: match.old, new: match.new))) }
            nextOld = match.old + 1
            nextNew = match.new + 1
        }
        return steps
    }
}
