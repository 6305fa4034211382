import NotebookFormat

/// The lines a renderer builds, painted as they are added.
struct TextBlock {
    let painter: Painter
    private(set) var lines: [String] = []

    init(painter: Painter) { self.painter = painter }

    mutating func add(_ text: String, _ style: TerminalStyle = .plain) {
        lines.append(painter(text, style))
    }

    mutating func add(pieces: [(String, TerminalStyle)]) {
        lines.append(painter.line(pieces))
    }

    /// Unified-diff lines of `diff` with `context` lines, each prefixed by `indent`; at most
    /// `limit` lines, then a count of what was left out. Without `headers`, `@@` lines are
    /// only written between several hunks.
    mutating func addLineDiff(_ diff: LineDiff, context: Int, indent: String, limit: Int, headers: Bool = true) {
        var shown = 0
        var left = 0
        let hunks = diff.hunks(context: context)
        let headers = headers || hunks.count > 1
        for hunk in hunks {
            var hunkLines: [[(String, TerminalStyle)]] = []
            if headers { hunkLines.append([(indent, .plain), (hunk.header, .hunk)]) }
            var oldLine = hunk.old.lowerBound
            for edit in hunk.edits {
                while oldLine < edit.old.lowerBound {
                    hunkLines.append([(indent + " " + ValueText.displayLine(diff.oldLines[oldLine]), .plain)])
                    oldLine += 1
                }
                hunkLines += Self.editLines(diff, edit, indent: indent)
                oldLine = edit.old.upperBound
            }
            while oldLine < hunk.old.upperBound {
                hunkLines.append([(indent + " " + ValueText.displayLine(diff.oldLines[oldLine]), .plain)])
                oldLine += 1
            }
            for pieces in hunkLines {
                if shown < limit {
                    add(pieces: pieces)
                    shown += 1
                } else {
                    left += 1
                }
            }
        }
        if left > 0 { add(indent + "… " + ValueText.count(left, "more line"), .note) }
    }

    /// The removed then added lines of one edit; a replaced line paired with its replacement
    /// gets its changed words marked.
    private static func editLines(_ diff: LineDiff, _ edit: LineDiff.Edit, indent: String) -> [[(String, TerminalStyle)]] {
        let old = edit.old.map { ValueText.displayLine(diff.oldLines[$0]) }
        let new = edit.new.map { ValueText.displayLine(diff.newLines[$0]) }
        var removed = old.map { [(indent + "-" + $0, TerminalStyle.removed)] }
        var added = new.map { [(indent + "+" + $0, TerminalStyle.added)] }
        if old.count == new.count {
            for i in old.indices {
                guard let marks = WordDiff.highlight(old: old[i], new: new[i]) else { continue }
                removed[i] = [(indent + "-", .removed)] + marks.old.map { ($0.text, $0.changed ? .removedWord : .removed) }
                added[i] = [(indent + "+", .added)] + marks.new.map { ($0.text, $0.changed ? .addedWord : .added) }
            }
        }
        return removed + added
    }

    /// Every line of a text with a `+` or `-` prefix, at most `limit`.
    mutating func addWholeText(_ text: String, prefix: String, style: TerminalStyle, indent: String, limit: Int) {
        let lines = text.pythonSplitLines()
        for line in lines.prefix(limit) { add(indent + prefix + ValueText.displayLine(line), style) }
        if lines.count > limit { add(indent + "… " + ValueText.count(lines.count - limit, "more line"), .note) }
    }
}
