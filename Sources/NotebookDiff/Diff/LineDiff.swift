import NotebookFormat

/// A line-by-line diff of two texts, split as Python's `str.splitlines(True)` splits them (the
/// lines nbdime's string patches index). The differences are `edits`: increasing pairs of old
/// and new line ranges between runs of equal lines, found by `SequenceMatcher`.
public struct LineDiff: Sendable, Equatable {
    /// One region that differs: `old` lines replaced by `new` lines. One of them may be empty
    /// (a pure insertion or deletion), never both.
    public struct Edit: Sendable, Equatable {
        public var old: Range<Int>
        public var new: Range<Int>

        public init(old: Range<Int>, new: Range<Int>) {
            self.old = old
            self.new = new
        }
    }

    /// The old text's lines, line endings kept.
    public let oldLines: [String]
    /// The new text's lines, line endings kept.
    public let newLines: [String]
    public let edits: [Edit]

    public init(old: String, new: String) {
        self.init(oldLines: old.pythonSplitLines(), newLines: new.pythonSplitLines())
    }

    public init(oldLines: [String], newLines: [String]) {
        self.oldLines = oldLines
        self.newLines = newLines
        self.edits = LineDiff.edits(SequenceMatcher.matches(oldLines, newLines), oldLines.count, newLines.count)
    }

    public var isEmpty: Bool { edits.isEmpty }

    /// Lines removed and added, counted over all edits.
    public var removedCount: Int { edits.reduce(0) { $0 + $1.old.count } }
    public var addedCount: Int { edits.reduce(0) { $0 + $1.new.count } }

    /// The gaps between matches, as edits.
    static func edits(_ matches: [SequenceMatcher.Match], _ oldCount: Int, _ newCount: Int) -> [Edit] {
        var result: [Edit] = []
        var nextOld = 0, nextNew = 0
        for match in matches + [SequenceMatcher.Match(oldCount, newCount)] {
            if nextOld < match.old || nextNew < match.new {
                result.append(Edit(old: nextOld..<match.old, new: nextNew..<match.new))
            }
            nextOld = match.old + 1
            nextNew = match.new + 1
        }
        return result
    }
}
