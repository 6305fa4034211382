import NotebookFormat
import Testing

@testable import NotebookDiff

/// `quire conflicts` reads back what a merge marked, and forgets a text conflict once its
/// markers are gone.
struct MergeConflictScanTests {
    typealias F = MergeFixture

    @Test func theConflictsOfAMergeAreFoundInItsResult() throws {
        let meta = { (value: Int) in JSONObject(["x": .int(value)]) }
        let base = F.notebook([F.code("a", "x = 1", metadata: meta(0)), F.code("b", "y = 1")])
        let local = F.notebook([F.code("a", "x = 2", metadata: meta(1)), F.code("b", "y = 1")])
        let remote = F.notebook([F.code("a", "x = 3", metadata: meta(2))])
        let result = try F.merge(base, local, remote)
        #expect(result.conflicts.count == 2)
        let scanned = ConflictScan.conflicts(in: try F.read(result.bytes))
        #expect(scanned.map(\.description) == result.conflicts.map(\.description))

        // Markers removed in an editor: the source conflict is resolved, the metadata one stays.
        var notebook = try F.read(result.bytes)
        notebook.updateCells { cells in cells[0].json["source"] = .string("x = 4") }
        #expect(ConflictScan.conflicts(in: notebook).map(\.kind) == [.metadata])
    }

    @Test func markersWithoutAnEntryCount() throws {
        let notebook = try F.read(F.notebook([F.code("a", "<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> branch"), F.code("b", "s = '<<<<<<< not a conflict'")]))
        #expect(ConflictScan.conflicts(in: notebook).map(\.description) == ["cell 1 (id a): conflict markers in the source"])
    }

    @Test func aCleanNotebookHasNone() throws {
        #expect(ConflictScan.conflicts(in: try F.read(F.notebook([F.code("a", "x = 1")]))).isEmpty)
    }
}
