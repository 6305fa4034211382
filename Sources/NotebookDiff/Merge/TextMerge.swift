import NotebookFormat

/// Line-level three-way merge of a cell's source, as git's `merge-file` does it: changes to
/// different lines merge, the same change made on both sides merges once, and lines both
/// sides changed differently are kept between git-style markers.
///
/// Sources rarely end with a line break, so a line appended at the end would otherwise change
/// the last line too; each text is compared with a final line break added, and whether the
/// result ends with one is merged separately.
struct TextMerge {
    static let localMarker = "<<<<<<< local\n"
    static let baseMarker = "||||||| base\n"
    static let separator = "=======\n"
    static let remoteMarker = ">>>>>>> remote\n"

    struct Outcome: Equatable {
        var text: String
        /// How many marked conflicts the text holds.
        var conflicts: Int
    }

    var showBase = false

    /// Merges `local` and `remote` against `base`; without a base every difference conflicts.
    func merge(base: String?, local: String, remote: String) -> Outcome {
        if local == remote { return Outcome(text: local, conflicts: 0) }
        if let base {
            if local == base { return Outcome(text: remote, conflicts: 0) }
            if remote == base { return Outcome(text: local, conflicts: 0) }
        }
        let b = base.map(Self.lines), l = Self.lines(local), r = Self.lines(remote)
        var out: [String] = []
        var conflicts = 0
        let chunks = b.map { Diff3.chunks(base: $0.lines, local: l.lines, remote: r.lines) }
            ?? Diff3.chunks(local: l.lines, remote: r.lines)
        for chunk in chunks {
            switch chunk {
            case .stable(_, let lr, _):
                out += l.lines[lr]
            case .changed(let br, let lr, let rr):
                let baseLines = b.map { $0.lines[br] }
                switch Diff3.resolve(base: baseLines, local: l.lines[lr], remote: r.lines[rr]) {
                case .local: out += l.lines[lr]
                case .remote: out += r.lines[rr]
                case .conflict:
                    conflicts += 1
                    out += marked(base: baseLines, local: l.lines[lr], remote: r.lines[rr])
                }
            }
        }
        var text = out.joined()
        let endsWithBreak: Bool
        if let b {
            endsWithBreak = l.endsWithBreak == b.endsWithBreak ? r.endsWithBreak : l.endsWithBreak
        } else {
            endsWithBreak = l.endsWithBreak
        }
        if !endsWithBreak, text.hasSuffix("\n") { text.removeLast() }
        return Outcome(text: text, conflicts: conflicts)
    }

    /// One conflict between markers. Without the base shown, lines both sides agree on at the
    /// start and end are moved out of the markers, as git's zealous merge does.
    func marked(base: ArraySlice<String>?, local: ArraySlice<String>, remote: ArraySlice<String>) -> [String] {
        var local = local, remote = remote
        var head: [String] = [], tail: [String] = []
        if !showBase || base == nil {
            while let a = local.first, let b = remote.first, a == b {
                head.append(a)
                local.removeFirst()
                remote.removeFirst()
            }
            while let a = local.last, let b = remote.last, a == b {
                tail.insert(a, at: 0)
                local.removeLast()
                remote.removeLast()
            }
        }
        var out = head + [Self.localMarker] + local
        if showBase, let base { out += [Self.baseMarker] + base }
        out += [Self.separator] + remote + [Self.remoteMarker]
        return out + tail
    }

    /// A text's lines, each ending with a line break (one is added to the last line when it
    /// has none), and whether the text ended with one. An empty text has no lines and counts
    /// as ending with a break.
    static func lines(_ text: String) -> (lines: [String], endsWithBreak: Bool) {
        var lines = text.pythonSplitLines()
        guard let last = lines.last else { return ([], true) }
        let hasBreak = last.pythonSplitLines(keepEnds: false).first?.utf8.count != last.utf8.count
        if !hasBreak { lines[lines.count - 1] = last + "\n" }
        return (lines, hasBreak)
    }
}
