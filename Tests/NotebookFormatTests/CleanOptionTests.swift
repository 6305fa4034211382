import Testing

@testable import NotebookFormat

/// Each expected file was made by nbstripout 0.9.1 with `--keep-id` and the same option
/// (see Fixtures/README.md), so quire's options are checked against nbstripout's own output.
struct CleanOptionTests {
    static func options(_ configure: (inout CleanOptions) -> Void) -> CleanOptions {
        var options = CleanOptions()
        configure(&options)
        return options
    }

    static let cases: [(String, CleanOptions)] = [
        ("clean", CleanOptions()),
        ("keep-output", options { $0.keepOutput = true }),
        ("keep-count", options { $0.keepCount = true }),
        ("extra-keys", options { $0.extraKeys = ["metadata.custom.drop", "cell.metadata.tags", "cell.attachments"] }),
        ("keep-metadata-keys", options { $0.keepMetadataKeys = ["metadata.widgets", "cell.metadata.scrolled"] }),
        ("drop-empty-cells", options { $0.dropEmptyCells = true }),
        ("drop-tagged-cells", options { $0.dropTaggedCells = ["scratch"] }),
        ("strip-init-cells", options { $0.stripInitCells = true }),
        ("max-size", options { $0.maxSize = 30 }),
        ("keep-output-type", options { $0.keepOutputTypes = ["stream:stdout"] }),
        ("drop-output-type", options { $0.keepOutput = true; $0.dropOutputTypes = ["stream:stderr"] }),
    ]

    @Test(arguments: cases)
    func matchesNbstripout(name: String, options: CleanOptions) throws {
        let output = try NotebookCleaner.clean(try Fixtures.bytes("options.ipynb"), options: options)
        let expected = try Fixtures.bytes("expected/options.\(name).ipynb")
        #expect(output == expected, "\(Fixtures.firstDifference(output, expected))")
    }

    @Test func keepsCellIDs() throws {
        let output = try NotebookCleaner.clean(try Fixtures.bytes("options.ipynb"), options: CleanOptions())
        let ids = try NotebookReader.read(output).cells.compactMap(\.id)
        #expect(ids == ["intro", "c1", "c2", "c3", "c4", "c5", "c6", "r1", "m2"])
    }

    @Test func cleanOutputPassesThroughByteForByte() throws {
        let once = try NotebookCleaner.clean(try Fixtures.bytes("options.ipynb"), options: CleanOptions())
        #expect(try NotebookCleaner.clean(once, options: CleanOptions()) == once)
    }

    @Test func keepsTheNbformatVersionOfOldNotebooks() throws {
        let output = try NotebookCleaner.clean(try Fixtures.bytes("legacy-v3.ipynb"), options: CleanOptions())
        #expect(output == (try Fixtures.bytes("expected/legacy-v3.clean.ipynb")))
        #expect(try NotebookReader.read(output).major == 3)
    }

    @Test func notebookMetadataCanAskToKeepOutputs() throws {
        var notebook = try NotebookReader.read(try Fixtures.bytes("options.ipynb"))
        notebook.metadata["keep_output"] = .bool(true)
        try NotebookCleaner.clean(&notebook, options: CleanOptions())
        #expect(notebook.cells[3].outputs.count == 4)
        try NotebookCleaner.clean(&notebook, options: Self.options { $0.keepOutput = false })
        #expect(notebook.cells[3].outputs.isEmpty)
    }

    @Test func contradictoryKeepOutputMarkersAreAnError() throws {
        var notebook = try NotebookReader.read(try Fixtures.bytes("options.ipynb"))
        notebook.updateCells { cells in cells[1].json.modify("metadata") { m in
            if case .object(var o) = m { o["keep_output"] = .bool(false); m = .object(o) }
        } }
        #expect(throws: NotebookError.self) { try NotebookCleaner.clean(&notebook, options: CleanOptions()) }
    }

    @Test func dropsCellsWithAnyOfSeveralTags() throws {
        var notebook = try NotebookReader.read(try Fixtures.bytes("options.ipynb"))
        try NotebookCleaner.clean(&notebook, options: Self.options { $0.dropTaggedCells = ["scratch", "keep_output"] })
        #expect(!notebook.cells.contains { $0.id == "c4" || $0.id == "c1" })
        #expect(notebook.cells.count == 7)
    }
}
