import NotebookFormat

/// Renders a `NotebookDiff` for a terminal: a `---`/`+++` header, then the notebook-level
/// changes and one `## cell …` section per changed cell with a unified diff of its source,
/// its outputs summarised (images by type and size, never their data) and its metadata
/// changes one key a line. Cell numbers count from 1: positions in the new notebook, and in the
/// old one for deleted cells.
public struct DiffRenderer: Sendable {
    /// ANSI colours and word-level marks.
    public var color: Bool
    /// Equal lines shown around each change of a source or a text output.
    public var context: Int
    /// Most lines shown of one source or one text output; the rest are counted.
    public var maxLines: Int

    public init(color: Bool = false, context: Int = 3, maxLines: Int = 60) {
        self.color = color
        self.context = context
        self.maxLines = maxLines
    }

    /// The rendered text, ending in a line break; empty when the diff is.
    /// - Parameter notes: lines printed after the header (e.g. about version upgrades).
    public func render(_ diff: NotebookDiff, oldName: String, newName: String, notes: [String] = []) -> String {
        guard !diff.isEmpty else { return "" }
        var block = TextBlock(painter: Painter(color: color))
        block.add("--- " + oldName, .fileHeader)
        block.add("+++ " + newName, .fileHeader)
        for note in notes { block.add("# " + note, .note) }
        if let major = diff.nbformat {
            block.add("## nbformat \(major.old) → \(major.new)", .section)
        } else if let minor = diff.nbformatMinor {
            block.add("## nbformat_minor \(minor.old) → \(minor.new)", .section)
        }
        if !diff.metadata.isEmpty {
            block.add("## notebook metadata", .section)
            addLeaves(diff.metadata, prefix: "", to: &block)
        }
        if !diff.otherKeys.isEmpty {
            block.add("## notebook", .section)
            addLeaves(diff.otherKeys, prefix: "", to: &block)
        }
        CellSections(renderer: self, diff: diff).add(to: &block)
        return block.lines.joined(separator: "\n") + "\n"
    }

    /// `  metadata.tags: ["a"] → ["a","b"]`, `  metadata.foo: added 1`, one line per leaf.
    func addLeaves(_ diff: ObjectDiff, prefix: String, to block: inout TextBlock) {
        for leaf in diff.leaves {
            let path = prefix + leaf.path.joined(separator: ".")
            switch (leaf.old, leaf.new) {
            case (nil, let new?): block.add(pieces: [("  " + path + ": ", .plain), ("added " + ValueText.compact(new), .added)])
            case (let old?, nil): block.add(pieces: [("  " + path + ": ", .plain), ("removed " + ValueText.compact(old), .removed)])
            case (let old?, let new?):
                block.add(pieces: [("  " + path + ": ", .plain), (ValueText.compact(old), .removed), (" → ", .plain), (ValueText.compact(new), .added)])
            case (nil, nil): continue
            }
        }
    }
}
