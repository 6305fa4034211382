import NotebookFormat
import Testing

@testable import NotebookDiff

/// nbdime's ignore flags: an ignored part never makes a difference.
@Suite struct DiffIgnoreTests {
    static let base = DiffModelTests.base

    static func isEmpty(_ options: DiffOptions, _ transform: (inout [JSONObject]) -> Void) -> Bool {
        NotebookDiff(old: base, new: DiffModelTests.edited(transform), options: options).isEmpty
    }

    static func changeOutputs(_ cells: inout [JSONObject]) {
        cells[1]["outputs"] = .array([.object(NB.stream("2\n")), .object(NB.image(bytes: 10))])
    }

    static func changeMetadata(_ cells: inout [JSONObject]) {
        cells[0]["metadata"] = NB.json(#"{"collapsed": true}"#)
    }

    static func changeCount(_ cells: inout [JSONObject]) {
        cells[2]["execution_count"] = .int(9)
    }

    static func changeSource(_ cells: inout [JSONObject]) {
        cells[2]["source"] = NB.lines("y = 3")
    }

    @Test func ignoreOutputs() {
        let options = DiffOptions(outputs: false)
        #expect(Self.isEmpty(options, Self.changeOutputs))
        #expect(!Self.isEmpty(options, Self.changeCount))
        #expect(!Self.isEmpty(.all, Self.changeOutputs))
    }

    @Test func ignoreMetadataOfNotebookCellsAndOutputs() {
        let options = DiffOptions(metadata: false)
        #expect(Self.isEmpty(options, Self.changeMetadata))
        var new = Self.base
        new.metadata["widgets"] = .object(JSONObject())
        #expect(NotebookDiff(old: Self.base, new: new, options: options).isEmpty)
        #expect(!NotebookDiff(old: Self.base, new: new).isEmpty)
        let withOutputMetadata = DiffModelTests.edited { cells in
            cells[3]["outputs"] = .array([.object(NB.image(bytes: 3000).setting("metadata", NB.json(#"{"needs_background": "light"}"#)))])
        }
        #expect(NotebookDiff(old: Self.base, new: withOutputMetadata, options: options).isEmpty)
        #expect(!NotebookDiff(old: Self.base, new: withOutputMetadata).isEmpty)
    }

    @Test func ignoreDetailsMeansExecutionCountsAndVersion() {
        let options = DiffOptions(details: false)
        #expect(Self.isEmpty(options, Self.changeCount))
        #expect(!Self.isEmpty(options, Self.changeSource))
        var older = Self.base
        older.json["nbformat_minor"] = .int(4)
        #expect(NotebookDiff(old: older, new: Self.base, options: options).isEmpty)
        let outputCount = DiffModelTests.edited { cells in
            cells[2]["outputs"] = .array([.object(NB.result("2", count: 2))])
        }
        let recounted = DiffModelTests.edited { cells in
            cells[2]["outputs"] = .array([.object(NB.result("2", count: 5))])
        }
        #expect(NotebookDiff(old: outputCount, new: recounted, options: options).isEmpty)
    }

    @Test func ignoreIDsPairsCellsByContent() {
        let options = DiffOptions(ids: false)
        #expect(Self.isEmpty(options) { cells in
            for i in cells.indices { cells[i]["id"] = .string("renumbered-\(i)") }
        })
        // Ids swapped between two cells: without ids the cells still pair by content.
        #expect(Self.isEmpty(options) { cells in
            cells[1]["id"] = .string("c2")
            cells[2]["id"] = .string("c1")
        })
    }

    @Test func ignoreAttachments() {
        let old = NB.notebook([NB.markdown("![](attachment:a.png)", id: "m", attachments: NB.object(#"{"a.png": {"image/png": "AAAA"}}"#))])
        let new = NB.notebook([NB.markdown("![](attachment:a.png)", id: "m", attachments: NB.object(#"{"a.png": {"image/png": "BBBB"}}"#))])
        #expect(NotebookDiff(old: old, new: new, options: DiffOptions(attachments: false)).isEmpty)
        #expect(!NotebookDiff(old: old, new: new).isEmpty)
    }

    @Test func sourcesOnly() {
        let options = DiffOptions.sourcesOnly
        for change in [Self.changeOutputs, Self.changeMetadata, Self.changeCount] {
            #expect(Self.isEmpty(options, change))
        }
        #expect(!Self.isEmpty(options, Self.changeSource))
        #expect(!Self.isEmpty(options) { $0.append(NB.code("new()")) })
    }
}
