import NotebookFormat

/// The output lines of a modified cell: inserted and deleted outputs summarised, changed ones
/// as a diff of their text or the sizes of their binary data.
struct OutputSections {
    let renderer: DiffRenderer
    /// The cell's execution count change is shown already; outputs' counts would repeat it.
    let countShown: Bool

    /// Lines of an inserted or deleted output's text shown.
    static let wholeTextLimit = 10

    func add(_ outputs: OutputsDiff, to block: inout TextBlock) {
        for change in outputs.changes {
            switch change {
            case .inserted(let output, let p):
                block.add("  + output \(p.new + 1): " + OutputText.summary(output), .added)
                addText(of: output, prefix: "+", style: .added, to: &block)
            case .deleted(let output, let p):
                block.add("  - output \(p.old + 1): " + OutputText.summary(output), .removed)
                addText(of: output, prefix: "-", style: .removed, to: &block)
            case .modified(let diff):
                addModified(diff, to: &block)
            }
        }
    }

    private func addText(of output: JSONObject, prefix: String, style: TerminalStyle, to block: inout TextBlock) {
        let text: String?
        switch output["output_type"]?.stringValue {
        case "stream": text = output["text"]?.stringValue
        case "execute_result", "display_data": text = output["data"]?.objectValue?["text/plain"]?.stringValue
        default: text = nil
        }
        guard let text, text.pythonSplitLines().count > 1 else { return }
        block.addWholeText(text, prefix: prefix, style: style, indent: "    ", limit: Self.wholeTextLimit)
    }

    private func addModified(_ diff: OutputDiff, to block: inout TextBlock) {
        let label = "  output \(diff.position.new + 1) (\(OutputText.kind(diff.new)))"
        for entry in diff.changes.entries {
            switch (entry.key, entry.change) {
            case ("text", .replaced(.string(let old), .string(let new))):
                block.add(label + ":")
                block.addLineDiff(LineDiff(old: old, new: new), context: renderer.context, indent: "    ", limit: renderer.maxLines, headers: false)
            case ("data", .patched(let data)):
                let old = diff.old["data"]?.objectValue ?? JSONObject(), new = diff.new["data"]?.objectValue ?? JSONObject()
                addData(data, old: old, new: new, label: label, to: &block)
            case ("data", _):
                block.add(label + " data changed")
            case ("ename", _), ("evalue", _):
                continue  // one line below
            case ("traceback", _):
                if diff.changes["ename"] == nil && diff.changes["evalue"] == nil { block.add(label + ": traceback changed") }
            case ("execution_count", _) where countShown:
                continue
            case ("execution_count", let change):
                block.add(label + " execution count " + Self.values(change))
            case ("metadata", .patched(let metadata)):
                renderer.addLeaves(metadata, prefix: label.dropFirst(2) + " metadata.", to: &block)
            default:
                block.add(label + " " + entry.key + ": " + Self.values(entry.change))
            }
        }
        if diff.changes["ename"] != nil || diff.changes["evalue"] != nil {
            block.add(pieces: [(label + ": ", .plain), (OutputText.errorLine(diff.old), .removed), (" → ", .plain), (OutputText.errorLine(diff.new), .added)])
        }
    }

    /// One line per changed mime type; text diffed, binary data by size.
    private func addData(_ data: ObjectDiff, old oldData: JSONObject, new newData: JSONObject, label: String, to block: inout TextBlock) {
        for entry in data.entries {
            let mime = entry.key
            switch entry.change {
            case .added(let value): block.add(label + " + " + OutputText.mimeSummary(mime, value), .added)
            case .removed(let value): block.add(label + " - " + OutputText.mimeSummary(mime, value), .removed)
            case .replaced(.string(let old), .string(let new)) where OutputText.isBinary(mime):
                let (a, b) = (ValueText.base64DecodedSize(old), ValueText.base64DecodedSize(new))
                let sizes = a == b ? "changed, " + ValueText.size(b) : ValueText.size(a) + " → " + ValueText.size(b)
                block.add(label + " " + mime + " " + sizes)
            case .replaced, .patched:
                block.add(label + " " + mime + ":")
                let old = OutputText.text(mime, oldData[mime] ?? .null), new = OutputText.text(mime, newData[mime] ?? .null)
                block.addLineDiff(LineDiff(old: old, new: new), context: renderer.context, indent: "    ", limit: renderer.maxLines, headers: false)
            }
        }
    }

    private static func values(_ change: ObjectDiff.Change) -> String {
        switch change {
        case .added(let value): return "added " + ValueText.compact(value)
        case .removed(let value): return "removed " + ValueText.compact(value)
        case .replaced(let old, let new): return ValueText.compact(old) + " → " + ValueText.compact(new)
        case .patched: return "changed"
        }
    }
}
