import NotebookFormat
import Testing

@testable import NotebookDiff

/// One hand-written triple per merge rule.
struct MergeRuleTests {
    typealias F = MergeFixture

    let base = F.notebook([
        F.markdown("m1", "# Title"),
        F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["1\n"], count: 1),
        F.code("c2", "print(a)", outputs: ["1\n"], count: 2),
    ])

    @Test func changesToDifferentCellsMergeSilently() throws {
        let local = F.notebook([F.markdown("m1", "# New title"), F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["1\n"], count: 1), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["1\n"], count: 1), F.code("c2", "print(b)", outputs: ["2\n"], count: 3)])
        let result = try F.merge(base, local, remote)
        #expect(result.isClean)
        #expect(F.sources(result) == ["# New title", "a = 1\nb = 2\nc = 3", "print(b)"])
        #expect(result.notebook.cells[2].outputs == (try F.read(remote)).cells[2].outputs)
    }

    @Test func theSameEditOnBothSidesMergesOnce() throws {
        let edited = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 10\nb = 2\nc = 3"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        let result = try F.merge(base, edited, edited)
        #expect(result.isClean)
        #expect(result.bytes == (try F.canonical(edited)))
    }

    @Test func insertionsAtTheSamePlaceKeepBothLocalFirst() throws {
        let cells = try F.read(base).cells.map(\.json)
        let local = F.notebook(Array(cells[0...1]) + [F.code("l", "local_cell()")] + [cells[2]])
        let remote = F.notebook(Array(cells[0...1]) + [F.code("r", "remote_cell()")] + [cells[2]])
        let result = try F.merge(base, local, remote)
        #expect(result.isClean)
        #expect(F.sources(result) == ["# Title", "a = 1\nb = 2\nc = 3", "local_cell()", "remote_cell()", "print(a)"])
        // The same insertion on both sides appears once.
        let same = try F.merge(base, local, F.notebook(Array(cells[0...1]) + [F.code("l2", "local_cell()")] + [cells[2]]))
        #expect(F.sources(same) == ["# Title", "a = 1\nb = 2\nc = 3", "local_cell()", "print(a)"])
    }

    @Test func sourceLinesMergeWhenTheyDoNotOverlap() throws {
        let local = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 10\nb = 2\nc = 3"), F.code("c2", "print(a)")])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 30\nd = 4"), F.code("c2", "print(a)")])
        let result = try F.merge(base, local, remote)
        #expect(result.isClean)
        #expect(F.sources(result)[1] == "a = 10\nb = 2\nc = 30\nd = 4")
        // Both changed the source: outputs and count are cleared.
        #expect(result.notebook.cells[1].outputs.isEmpty)
        #expect(result.notebook.cells[1].json["execution_count"] == .null)
    }

    @Test func overlappingSourceEditsConflictWithMarkers() throws {
        let local = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 20\nc = 3"), F.code("c2", "print(a)")])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 200\nc = 3"), F.code("c2", "print(a)")])
        let result = try F.merge(base, local, remote)
        #expect(result.conflicts.map(\.description) == ["cell 2 (id c1): both sides edited the source"])
        #expect(F.sources(result)[1] == "a = 1\n<<<<<<< local\nb = 20\n=======\nb = 200\n>>>>>>> remote\nc = 3")
        let entry = result.notebook.cells[1].metadata["quire"]?.objectValue?["conflicts"]?.arrayValue?.first?.objectValue
        #expect(entry?["kind"] == .string("source"))
        #expect(F.isValid(result.bytes))
        let withBase = try F.merge(base, local, remote, options: MergeOptions(showBase: true))
        #expect(F.sources(withBase)[1] == "a = 1\n<<<<<<< local\nb = 20\n||||||| base\nb = 2\n=======\nb = 200\n>>>>>>> remote\nc = 3")
    }

    @Test func aLineAppendedAtTheEndDoesNotTouchTheLastLine() throws {
        // Sources end without a line break; appending a line must not count as editing "y = 2".
        let base = F.notebook([F.code("c", "x = 1\ny = 2")])
        let result = try F.merge(base, F.notebook([F.code("c", "x = 1\ny = 2\nz = 3")]), F.notebook([F.code("c", "x = 10\ny = 2")]))
        #expect(result.isClean)
        #expect(F.sources(result) == ["x = 10\ny = 2\nz = 3"])
        // Adjacent edits conflict, as in git.
        let adjacent = try F.merge(base, F.notebook([F.code("c", "x = 1\ny = 2\nz = 3")]), F.notebook([F.code("c", "x = 1\ny = 20")]))
        #expect(F.sources(adjacent) == ["x = 1\n<<<<<<< local\ny = 2\nz = 3\n=======\ny = 20\n>>>>>>> remote"])
    }

    @Test func aCellDeletedOnOneSideAndEditedOnTheOtherIsKeptWithAMarker() throws {
        let local = F.notebook([F.markdown("m1", "# Title"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 4"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        let result = try F.merge(base, local, remote)
        #expect(result.conflicts.map(\.kind) == [.deletedModified])
        #expect(result.conflicts.first?.description == "cell 2 (id c1): local deleted this cell, remote edited it")
        #expect(F.sources(result)[1] == "<<<<<<< local deleted this cell, remote edited it >>>>>>>\na = 1\nb = 2\nc = 4")
        // Deleted on one side and untouched on the other: deleted. Deleted on both: deleted.
        let untouched = try F.merge(base, local, base)
        #expect(F.sources(untouched) == ["# Title", "print(a)"])
        #expect(try F.merge(base, local, local).bytes == (try F.canonical(local)))
    }

    @Test func outputsFollowTheSourceThatWins() throws {
        // Local edits the source and runs it; remote only runs the cell again.
        let local = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 3"), F.code("c2", "print(a + 1)", outputs: ["2\n"], count: 5)])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 3"), F.code("c2", "print(a)", outputs: ["1 again\n"], count: 9)])
        let result = try F.merge(base, local, remote)
        #expect(result.isClean)
        #expect(result.notebook.cells[2].json["execution_count"] == .int(5))
        #expect(result.notebook.cells[2].outputs == (try F.read(local)).cells[2].outputs)
        // Both ran the unchanged cell: no side wins, so the outputs are cleared.
        let rerun = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["x\n"], count: 7), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        let both = try F.merge(base, rerun, F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["y\n"], count: 8), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)]))
        #expect(both.isClean)
        #expect(both.notebook.cells[1].outputs.isEmpty)
        // Forced: remote's outputs everywhere.
        let forced = try F.merge(base, local, remote, options: MergeOptions(outputs: .remote))
        #expect(forced.notebook.cells[2].json["execution_count"] == .int(9))
        let cleared = try F.merge(base, local, remote, options: MergeOptions(outputs: .clear))
        #expect(cleared.notebook.cells.allSatisfy { $0.outputs.isEmpty })
    }

    @Test func metadataMergesKeyByKey() throws {
        func nb(_ tags: [String], _ extra: (String, JSONValue)? = nil, kernel: String = "Python 3") -> [UInt8] {
            var meta = JSONObject(["tags": .array(tags.map(JSONValue.string))])
            if let extra { meta[extra.0] = extra.1 }
            var nbMeta = F.defaultMetadata
            nbMeta["kernelspec"] = .object(JSONObject(["name": .string("python3"), "display_name": .string(kernel), "language": .string("python")]))
            return F.notebook([F.markdown("m1", "# Title", metadata: meta)], metadata: nbMeta)
        }
        let base = nb(["a"])
        let result = try F.merge(base, nb(["a", "b"], ("x", .int(1))), nb(["a", "c"], ("y", .int(2))))
        #expect(result.isClean)
        let meta = result.notebook.cells[0].metadata
        #expect(meta["tags"] == .array([.string("a"), .string("b"), .string("c")]))
        #expect(meta["x"] == .int(1) && meta["y"] == .int(2))

        // A tag both sides added, at different places, appears once (nbformat wants tags unique).
        let twice = try F.merge(nb(["a", "b"]), nb(["c", "a", "b"]), nb(["a", "b", "c"]))
        #expect(twice.notebook.cells[0].metadata["tags"] == .array([.string("c"), .string("a"), .string("b")]))

        let conflicting = try F.merge(base, nb(["a"], ("x", .int(1)), kernel: "Py L"), nb(["a"], ("x", .int(2)), kernel: "Py R"))
        #expect(conflicting.conflicts.map(\.description) == [
            "notebook metadata: both sides changed metadata 'kernelspec/display_name'; local's value was kept",
            "cell 1 (id m1): both sides changed metadata 'x'; local's value was kept",
        ])
        #expect(conflicting.notebook.cells[0].metadata["x"] == .int(1))
        let entry = conflicting.notebook.cells[0].metadata["quire"]?.objectValue?["conflicts"]?.arrayValue?.first?.objectValue
        #expect(entry?["local"] == .int(1) && entry?["remote"] == .int(2) && entry?["key"] == .string("x"))
        #expect(conflicting.notebook.metadata["quire"] != nil)
        #expect(F.isValid(conflicting.bytes))
    }

    @Test func idsKeepTheBaseOrTheOnlyChange() throws {
        let local = F.notebook([F.markdown("m1-new", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 3"), F.code("c2", "print(a)")])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 4"), F.code("c2-new", "print(a)")])
        let result = try F.merge(base, local, remote)
        #expect(result.notebook.cells.map(\.id) == ["m1-new", "c1", "c2-new"])
    }

    @Test func bothSidesRewritingOneCellConflictInsteadOfKeepingBoth() throws {
        let local = F.notebook([F.markdown("x1", "Something else entirely, said locally"), F.code("c1", "a = 1\nb = 2\nc = 3"), F.code("c2", "print(a)")])
        let remote = F.notebook([F.markdown("x2", "A wholly different remote paragraph"), F.code("c1", "a = 1\nb = 2\nc = 3"), F.code("c2", "print(a)")])
        let result = try F.merge(base, local, remote)
        #expect(result.conflicts.map(\.kind) == [.source])
        #expect(result.notebook.cells.count == 3)
    }

    @Test func aMovedCellIsMergedAtItsNewPlace() throws {
        // Local moves c1 to the end; remote edits it: one cell, moved and edited, no conflict.
        let local = F.notebook([F.markdown("m1", "# Title"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2), F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["1\n"], count: 1)])
        let remote = F.notebook([F.markdown("m1", "# Title"), F.code("c1", "a = 1\nb = 2\nc = 4"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        let result = try F.merge(base, local, remote)
        #expect(result.isClean)
        #expect(F.sources(result) == ["# Title", "print(a)", "a = 1\nb = 2\nc = 4"])
        // Moved on one side, deleted on the other: deleted. Moved on both: once, at local's place.
        let deleted = F.notebook([F.markdown("m1", "# Title"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        #expect(F.sources(try F.merge(base, local, deleted)) == ["# Title", "print(a)"])
        let movedFirst = F.notebook([F.code("c1", "a = 1\nb = 2\nc = 3", outputs: ["1\n"], count: 1), F.markdown("m1", "# Title"), F.code("c2", "print(a)", outputs: ["1\n"], count: 2)])
        #expect(F.sources(try F.merge(base, local, movedFirst)) == ["# Title", "print(a)", "a = 1\nb = 2\nc = 3"])
    }

    @Test func theResultTakesTheLargestMinorVersion() throws {
        let old = F.notebook([F.code(nil, "x = 1")], minor: 4)
        let new = F.notebook([F.code(nil, "x = 2"), F.code(nil, "y = 1")], minor: 5)
        let result = try F.merge(old, old, new)
        #expect(result.notebook.minor == 5)
        #expect(result.notebook.cells.allSatisfy { $0.id != nil })
        #expect(F.isValid(result.bytes))
    }

    @Test func anEmptyBaseMeansBothSidesAddedTheNotebook() throws {
        // git passes an empty %O when both branches added the file: differences conflict,
        // cells found on one side only are kept with a marker, shared cells appear once.
        let local = F.notebook([F.markdown("m", "# Shared"), F.code("a", "x = 1\ny = 2"), F.code("l", "only_local_has_this()")])
        let remote = F.notebook([F.markdown("m", "# Shared"), F.code("a", "x = 1\ny = 3")])
        let result = try F.merge([], local, remote)
        #expect(F.sources(result) == [
            "# Shared", "x = 1\n<<<<<<< local\ny = 2\n=======\ny = 3\n>>>>>>> remote",
            "<<<<<<< only in local: added there or deleted in remote >>>>>>>\nonly_local_has_this()",
        ])
        #expect(result.conflicts.map(\.kind) == [.source, .addedOrDeleted])
        #expect(try F.merge(Array("\n".utf8), local, local).bytes == (try F.canonical(local)))
    }

    @Test func badInputIsNamed() {
        #expect(throws: MergeError.self) { try F.merge(base, Array("{".utf8), base) }
        do {
            _ = try F.merge(base, base, Array("[]".utf8))
        } catch let error as MergeError {
            #expect(error.kind == .badInput(.remote))
            #expect(error.exitCode == 65)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
