/// Word-level highlighting of a replaced line: the words of the old and new line are matched
/// with `SequenceMatcher`, and the unmatched ones are marked.
enum WordDiff {
    /// The pieces of a line, each marked changed or not.
    typealias Pieces = [(text: String, changed: Bool)]

    /// Highlights for a removed and an added line, or nil when the lines share too little for
    /// word marks to help (then each line is shown whole).
    static func highlight(old: String, new: String) -> (old: Pieces, new: Pieces)? {
        let a = tokens(old), b = tokens(new)
        let matches = SequenceMatcher.matches(a, b)
        let shared = matches.reduce(0) { $0 + a[$1.old].count }
        guard shared * 3 >= max(old.count, new.count), matches.count < max(a.count, b.count) else { return nil }
        var oldMatched = Set<Int>(), newMatched = Set<Int>()
        for match in matches {
            oldMatched.insert(match.old)
            newMatched.insert(match.new)
        }
        return (pieces(a, oldMatched), pieces(b, newMatched))
    }

    /// Runs of letters, digits and `_`; runs of spaces; any other character alone.
    static func tokens(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentKind = 0
        for character in line {
            let kind = character.isLetter || character.isNumber || character == "_" ? 1 : (character == " " || character == "\t" ? 2 : 3)
            if kind == currentKind && kind != 3 {
                current.append(character)
            } else {
                if !current.isEmpty { result.append(current) }
                current = String(character)
                currentKind = kind
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func pieces(_ tokens: [String], _ matched: Set<Int>) -> Pieces {
        var result: Pieces = []
        for (i, token) in tokens.enumerated() {
            let changed = !matched.contains(i)
            if let last = result.last, last.changed == changed {
                result[result.count - 1].text += token
            } else {
                result.append((token, changed))
            }
        }
        return result
    }
}
