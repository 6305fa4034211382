import NotebookFormat
import Testing

@testable import NotebookDiff

@Suite struct DiffModelTests {
    static let base = NB.notebook([
        NB.markdown("# Title", id: "m1"),
        NB.code("import numpy as np\nx = 1\nprint(x)", id: "c1", count: 1, outputs: [NB.stream("1\n")]),
        NB.code("y = 2", id: "c2", count: 2),
        NB.code("plot()", id: "c3", count: 3, outputs: [NB.image(bytes: 3000)], metadata: NB.object(#"{"tags": ["a"]}"#)),
    ])

    static func edited(_ transform: (inout [JSONObject]) -> Void) -> Notebook {
        var notebook = base
        var cells = notebook.cells.map(\.json)
        transform(&cells)
        notebook.json["cells"] = .array(cells.map(JSONValue.object))
        return notebook
    }

    @Test func sameNotebookHasNoDifferences() {
        let diff = NotebookDiff(old: Self.base, new: Self.base)
        #expect(diff.isEmpty)
        #expect(diff.nbdimeDiff.isEmpty)
    }

    @Test func linesStoredAsOneStringAreTheSameText() {
        let joined = Self.edited { cells in
            cells[1]["source"] = .string("import numpy as np\nx = 1\nprint(x)")
            cells[1]["outputs"] = .array([.object(NB.stream("1\n").setting("text", .string("1\n")))])
        }
        #expect(NotebookDiff(old: Self.base, new: joined).isEmpty)
    }

    @Test func modifiedSourceGivesLineEdits() throws {
        let new = Self.edited { $0[1]["source"] = NB.lines("import numpy as np\nx = 2\nprint(x)") }
        let diff = NotebookDiff(old: Self.base, new: new)
        #expect(NB.summary(diff) == ["modified 1->1"])
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        let source = try #require(cell.source)
        #expect(source.edits == [LineDiff.Edit(old: 1..<2, new: 1..<2)])
        #expect(source.newLines[1] == "x = 2\n")
        #expect(cell.outputs == nil && cell.metadata == nil && cell.id == nil && cell.executionCount == nil)
    }

    @Test func insertedCellKnowsWhereItGoes() {
        let new = Self.edited { $0.insert(NB.code("z = 3", id: "new"), at: 2) }
        let diff = NotebookDiff(old: Self.base, new: new)
        #expect(NB.summary(diff) == ["inserted 2"])
        #expect(diff.cells.first?.position == SequencePosition(old: 2, new: 2))
    }

    @Test func deletedCell() {
        let new = Self.edited { $0.remove(at: 0) }
        let diff = NotebookDiff(old: Self.base, new: new)
        #expect(NB.summary(diff) == ["deleted 0"])
        #expect(diff.cells.first?.cell.id == "m1")
    }

    @Test func movedCellIsDeletedThenInserted() {
        let new = Self.edited { cells in cells.append(cells.remove(at: 0)) }
        let diff = NotebookDiff(old: Self.base, new: new)
        #expect(NB.summary(diff) == ["deleted 0", "inserted 3"])
        #expect(diff.cells.allSatisfy { $0.cell.id == "m1" })
    }

    @Test func cellsWithoutIDsPairBySimilarSource() {
        let old = NB.notebook([NB.code("a = 1\nb = 2\nc = 3"), NB.code("print('hello world')")], minor: 4)
        let new = NB.notebook([NB.code("a = 1\nb = 20\nc = 3"), NB.code("print('hello world')")], minor: 4)
        #expect(NB.summary(NotebookDiff(old: old, new: new)) == ["modified 0->0"])
    }

    @Test func changedStreamOutputIsModified() throws {
        let new = Self.edited { $0[1]["outputs"] = .array([.object(NB.stream("2\n"))]) }
        let diff = NotebookDiff(old: Self.base, new: new)
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        let outputs = try #require(cell.outputs)
        guard case .modified(let output) = try #require(outputs.changes.first) else { throw Failure("not modified") }
        #expect(output.changes.keys == ["text"])
        #expect(output.changes["text"] == .replaced(old: .string("1\n"), new: .string("2\n")))
    }

    @Test func changedImageIsComparedWhole() throws {
        let new = Self.edited { $0[3]["outputs"] = .array([.object(NB.image(bytes: 3300, fill: "B"))]) }
        let diff = NotebookDiff(old: Self.base, new: new)
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        guard case .modified(let output) = try #require(cell.outputs?.changes.first) else { throw Failure("not modified") }
        guard case .patched(let data) = try #require(output.changes["data"]) else { throw Failure("data not patched") }
        #expect(data.keys == ["image/png"])
    }

    @Test func addedAndRemovedOutputs() throws {
        let added = Self.edited { $0[2]["outputs"] = .array([.object(NB.result("2", count: 2))]) }
        let diff = NotebookDiff(old: Self.base, new: added)
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        guard case .inserted(_, let p) = try #require(cell.outputs?.changes.first) else { throw Failure("not inserted") }
        #expect(p == SequencePosition(old: 0, new: 0))

        let removed = NotebookDiff(old: added, new: Self.base)
        guard case .modified(let back) = try #require(removed.cells.first) else { throw Failure("not modified") }
        guard case .deleted = try #require(back.outputs?.changes.first) else { throw Failure("not deleted") }
    }

    @Test func metadataChangesKeyByKey() throws {
        let new = Self.edited { $0[3]["metadata"] = NB.json(#"{"tags": ["a", "b"], "scrolled": true}"#) }
        let diff = NotebookDiff(old: Self.base, new: new)
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        let metadata = try #require(cell.metadata)
        #expect(metadata.keys == ["scrolled", "tags"])
        #expect(metadata["scrolled"] == .added(.bool(true)))
        #expect(metadata["tags"] == .replaced(old: NB.json(#"["a"]"#), new: NB.json(#"["a","b"]"#)))
    }

    @Test func idOnlyChange() throws {
        let new = Self.edited { $0[2]["id"] = .string("renamed") }
        let diff = NotebookDiff(old: Self.base, new: new)
        // The id pass pairs nothing for this cell; the content pass pairs it.
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        #expect(cell.id == ValueChange("c2", "renamed"))
        #expect(cell.source == nil)
        #expect(NotebookDiff(old: Self.base, new: new, options: DiffOptions(ids: false)).isEmpty)
    }

    @Test func executionCountChange() throws {
        let new = Self.edited { $0[2]["execution_count"] = .int(7) }
        let diff = NotebookDiff(old: Self.base, new: new)
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        #expect(cell.executionCount == ValueChange(.int(2), .int(7)))
    }

    @Test func attachmentsChangeByName() throws {
        let old = NB.notebook([NB.markdown("![x](attachment:x.png)", id: "m", attachments: NB.object(#"{"x.png": {"image/png": "AAAA"}}"#))])
        let new = NB.notebook([NB.markdown("![x](attachment:x.png)", id: "m", attachments: NB.object(#"{"x.png": {"image/png": "BBBB"}, "y.png": {"image/png": "CCCC"}}"#))])
        let diff = NotebookDiff(old: old, new: new)
        guard case .modified(let cell) = try #require(diff.cells.first) else { throw Failure("not modified") }
        #expect(cell.attachments?.keys == ["x.png", "y.png"])
        #expect(NotebookDiff(old: old, new: new, options: DiffOptions(attachments: false)).isEmpty)
    }

    @Test func notebookMetadataAndVersion() {
        var new = Self.base
        new.json["nbformat_minor"] = .int(4)
        new.metadata["kernelspec"] = NB.json(#"{"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}"#)
        let diff = NotebookDiff(old: Self.base, new: new)
        #expect(diff.cells.isEmpty)
        #expect(diff.nbformatMinor == ValueChange(5, 4))
        #expect(diff.metadata.leaves.map(\.path) == [["kernelspec", "display_name"]])
    }

    @Test func objectDiffAppliesBack() {
        let a = NB.object(#"{"a": 1, "b": {"c": [1], "d": "x"}, "e": null}"#)
        let b = NB.object(#"{"a": 2, "b": {"c": [1, 2]}, "f": true}"#)
        let diff = ObjectDiff(a, b)
        #expect(diff.keys == ["a", "b", "e", "f"])
        #expect(diff.applied(to: a) == b)
        #expect(ObjectDiff(a, a).isEmpty)
    }

    @Test func hunksKeepThreeLinesOfContext() {
        let old = (1...20).map { "line \($0)\n" }
        var new = old
        new[1] = "changed 2\n"
        new[17] = "changed 18\n"
        let diff = LineDiff(oldLines: old, newLines: new)
        let hunks = diff.hunks()
        #expect(hunks.map(\.header) == ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"])
        #expect(diff.hunks(context: 10).count == 1)
        #expect(LineDiff(old: "", new: "a\nb").hunks().map(\.header) == ["@@ -0,0 +1,2 @@"])
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
