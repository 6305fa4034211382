import NotebookFormat

/// The `## cell …` sections of a rendered diff.
struct CellSections {
    let renderer: DiffRenderer
    let diff: NotebookDiff

    func add(to block: inout TextBlock) {
        let moves = MovedCells(diff)
        let idOnly = idOnlyAdditions()
        if idOnly.count >= 2 {
            block.add("## cell ids added to \(ValueText.count(idOnly.count, "cell"))", .section)
        }
        for (index, change) in diff.cells.enumerated() where idOnly.count < 2 || !idOnly.contains(index) {
            switch change {
            case .inserted(let cell, let p):
                if let from = moves.source(ofInsertion: index) {
                    block.add(header(cell, number: p.new, "moved from \(from.position.old + 1)"), .section)
                    let moved = CellDiff(old: from.cell, new: cell, position: SequencePosition(old: from.position.old, new: p.new), options: diff.options)
                    addBody(moved, to: &block)
                } else {
                    block.add(header(cell, number: p.new, "added"), .section)
                    addWhole(cell, prefix: "+", style: .added, to: &block)
                }
            case .deleted(let cell, let p):
                if let to = moves.destination(ofDeletion: index) {
                    block.add(header(cell, number: p.old, "moved to \(to + 1)"), .section)
                } else {
                    block.add(header(cell, number: p.old, "deleted"), .section)
                    addWhole(cell, prefix: "-", style: .removed, to: &block)
                }
            case .modified(let cellDiff):
                block.add(header(cellDiff.new, number: cellDiff.position.new, "modified"), .section)
                addBody(cellDiff, to: &block)
            }
        }
    }

    /// `## cell 7 (id abc123, code) modified`.
    func header(_ cell: Cell, number: Int, _ what: String) -> String {
        let type = cell.cellType ?? "cell"
        let about = cell.id.map { "id \($0), \(type)" } ?? type
        return "## cell \(number + 1) (\(about)) \(what)"
    }

    /// Modified cells whose only change is an id that the old notebook did not have: nbformat
    /// 4.5 gave every cell one. Listed as one line instead of one section each.
    func idOnlyAdditions() -> Set<Int> {
        var result: Set<Int> = []
        for (index, change) in diff.cells.enumerated() {
            guard case .modified(var cellDiff) = change, let id = cellDiff.id, id.old == nil else { continue }
            cellDiff.id = nil
            if cellDiff.isEmpty { result.insert(index) }
        }
        return result
    }

    /// The source of an added or deleted cell, all `+` or all `-`, and its outputs summarised.
    func addWhole(_ cell: Cell, prefix: String, style: TerminalStyle, to block: inout TextBlock) {
        if diff.options.sources {
            block.addWholeText(cell.source, prefix: prefix, style: style, indent: "", limit: renderer.maxLines)
        }
        guard diff.options.outputs else { return }
        for (i, output) in cell.outputs.enumerated() {
            block.add("  \(prefix) output \(i + 1): " + OutputText.summary(output), style)
        }
    }

    /// What changed in a cell present on both sides.
    func addBody(_ cellDiff: CellDiff, to block: inout TextBlock) {
        var details: [String] = []
        if let type = cellDiff.cellType { details.append("type \(type.old ?? "none") → \(type.new ?? "none")") }
        if let id = cellDiff.id { details.append("id \(id.old ?? "none") → \(id.new ?? "none")") }
        if let count = cellDiff.executionCount {
            details.append("execution count \(Self.count(count.old)) → \(Self.count(count.new))")
        }
        if !details.isEmpty { block.add("  " + details.joined(separator: ", "), .note) }
        if let source = cellDiff.source {
            block.addLineDiff(source, context: renderer.context, indent: "", limit: renderer.maxLines)
        }
        if let outputs = cellDiff.outputs {
            OutputSections(renderer: renderer, countShown: cellDiff.executionCount != nil).add(outputs, to: &block)
        }
        if let metadata = cellDiff.metadata { renderer.addLeaves(metadata, prefix: "metadata.", to: &block) }
        if let attachments = cellDiff.attachments { addAttachments(attachments, to: &block) }
        if let other = cellDiff.otherKeys { renderer.addLeaves(other, prefix: "", to: &block) }
    }

    static func count(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "none" }
        return value.description
    }

    /// `  attachment image.png: added image/png 1.2 KB`.
    func addAttachments(_ attachments: ObjectDiff, to block: inout TextBlock) {
        func bundle(_ value: JSONValue) -> String {
            (value.objectValue ?? JSONObject()).entries.map { OutputText.mimeSummary($0.key, $0.value) }.joined(separator: ", ")
        }
        for entry in attachments.entries {
            let name = "  attachment " + entry.key + ": "
            switch entry.change {
            case .added(let value): block.add(pieces: [(name, .plain), ("added " + bundle(value), .added)])
            case .removed(let value): block.add(pieces: [(name, .plain), ("removed " + bundle(value), .removed)])
            case .replaced(let old, let new):
                block.add(pieces: [(name, .plain), (bundle(old), .removed), (" → ", .plain), (bundle(new), .added)])
            case .patched: block.add(name + "changed")
            }
        }
    }
}
