import NotebookFormat
import QuireTestSupport

/// Random edits of a notebook, as people make them: lines of a cell edited, added or removed,
/// cells inserted, deleted, moved and turned into another type, metadata, tags and outputs
/// changed. Deterministic for a given generator.
struct MergeRandomEdits {
    var generator: SeededGenerator
    /// Makes new cell ids unique across the versions being built.
    var label: String
    private var counter = 0

    init(seed: UInt64, label: String) {
        generator = SeededGenerator(seed: seed)
        self.label = label
    }

    mutating func edited(_ notebook: Notebook, edits: Int) -> Notebook {
        var copy = notebook
        for _ in 0..<edits { edit(&copy) }
        return copy
    }

    private mutating func edit(_ notebook: inout Notebook) {
        counter += 1
        let tag = "\(label)\(counter)"
        let usesIDs = notebook.hasCellIDs
        var cells = notebook.cells
        let index = cells.isEmpty ? 0 : Int.random(in: 0..<cells.count, using: &generator)
        switch Int.random(in: 0..<13, using: &generator) {
        case 0...3 where !cells.isEmpty:
            cells[index].json["source"] = .string(editedText(cells[index].source, tag: tag))
        case 4, 5:
            var json = JSONObject()
            json["cell_type"] = .string(Bool.random(using: &generator) ? "code" : "markdown")
            if usesIDs { json["id"] = .string("new-\(tag)") }
            json["metadata"] = .object(JSONObject())
            json["source"] = .string("inserted_\(tag) = \(counter)\nprint(inserted_\(tag))")
            if json["cell_type"] == .string("code") {
                json["execution_count"] = .null
                json["outputs"] = .array([])
            }
            cells.insert(Cell(json), at: cells.isEmpty ? 0 : Int.random(in: 0...cells.count, using: &generator))
        case 6 where !cells.isEmpty:
            cells.remove(at: index)
        case 7 where !cells.isEmpty:
            var metadata = cells[index].metadata
            metadata["edited_by"] = .string(tag)
            cells[index].metadata = metadata
        case 8 where !cells.isEmpty && cells[index].isCode:
            cells[index].json["outputs"] = .array([.object(JSONObject([
                "output_type": .string("stream"), "name": .string("stdout"), "text": .string("run \(tag)\n"),
            ]))])
            cells[index].json["execution_count"] = .int(counter)
        case 10 where !cells.isEmpty:
            var json = cells[index].json
            if cells[index].isCode {
                json["cell_type"] = .string("markdown")
                json.removeValue(forKey: "outputs")
                json.removeValue(forKey: "execution_count")
            } else {
                json["cell_type"] = .string("code")
                json.removeValue(forKey: "attachments")
                json["outputs"] = .array([])
                json["execution_count"] = .null
            }
            cells[index] = Cell(json)
        case 11 where !cells.isEmpty:
            var metadata = cells[index].metadata
            var tags = metadata["tags"]?.arrayValue ?? []
            let tag = JSONValue.string(["slow", "skip", "export", tag][Int.random(in: 0..<4, using: &generator)])
            if !tags.contains(tag) { tags.insert(tag, at: Int.random(in: 0...tags.count, using: &generator)) }
            metadata["tags"] = .array(tags)
            metadata["jupyter"] = .object(JSONObject(["source_hidden": .bool(Bool.random(using: &generator))]))
            cells[index].metadata = metadata
        case 9 where cells.count > 1:
            let cell = cells.remove(at: index)
            cells.insert(cell, at: Int.random(in: 0...cells.count, using: &generator))
        default:
            var metadata = notebook.metadata
            metadata["edited_by_\(label)"] = .string(tag)
            notebook.metadata = metadata
        }
        notebook.json["cells"] = .array(cells.map { .object($0.json) })
    }

    /// The text with one line replaced, inserted or removed.
    private mutating func editedText(_ text: String, tag: String) -> String {
        var lines = text.pythonSplitLines()
        let line = "edit_\(tag) = 1\n"
        if lines.isEmpty { return line }
        let at = Int.random(in: 0..<lines.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: lines[at] = line
        case 1: lines.insert(line, at: at)
        default: lines.remove(at: at)
        }
        return lines.joined()
    }
}
