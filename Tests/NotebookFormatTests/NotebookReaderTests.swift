import Testing

@testable import NotebookFormat

struct NotebookReaderTests {
    static func readError(_ text: String) -> NotebookError? {
        do {
            _ = try NotebookReader.read(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func invalidJSONNamesLineAndColumn() throws {
        let error = try #require(Self.readError("{\n \"cells\": [\n  {,\n ]\n}"))
        #expect(error.kind == .invalidJSON)
        #expect(error.line == 3 && error.column == 4)
        #expect(error.exitCode == 65)
    }

    @Test func truncatedFileIsInvalidJSON() throws {
        let error = try #require(Self.readError("{\n \"cells\": [\n  {\"cell_type\": \"code\""))
        #expect(error.kind == .invalidJSON)
        #expect(error.message.contains("end of the file"))
    }

    @Test func jsonThatIsNotANotebook() throws {
        #expect(Self.readError("[1, 2]")?.kind == .notANotebook)
        #expect(Self.readError(#"{"name": "package.json"}"#)?.kind == .notANotebook)
        let noCells = try #require(Self.readError(#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}"#))
        #expect(noCells.jsonPath == "/cells")
    }

    @Test func unsupportedMajorVersion() throws {
        let error = try #require(Self.readError(#"{"nbformat": 5, "nbformat_minor": 0, "metadata": {}, "cells": []}"#))
        #expect(error.kind == .unsupportedVersion)
        #expect(error.description.contains("nbformat 5 is not supported"))
    }

    @Test func gitConflictMarkersPointToResolve() throws {
        let text = """
            {
             "cells": [
            <<<<<<< HEAD
              {"cell_type": "code", "source": "a = 1"}
            =======
              {"cell_type": "code", "source": "a = 2"}
            >>>>>>> feature
             ]
            }
            """
        let error = try #require(Self.readError(text))
        #expect(error.kind == .conflictMarkers)
        #expect(error.line == 3)
        #expect(error.message.contains("quire resolve"))
    }

    @Test func bytesThatAreNotUTF8() throws {
        var bytes = Array(#"{"nbformat": 4, "metadata": {"x": "a"#.utf8)
        bytes += [0xC3, 0x28] + Array(#""}, "cells": []}"#.utf8)
        #expect(throws: NotebookError.self) { try NotebookReader.read(bytes) }
    }

    @Test func missingCellIDsGetDeterministicOnes() throws {
        let text = #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": "a"}, {"cell_type": "markdown", "id": "x", "metadata": {}, "source": "b"}, {"cell_type": "markdown", "id": "x", "metadata": {}, "source": "c"}]}"#
        let first = try NotebookReader.read(Array(text.utf8)).cells.compactMap(\.id)
        let second = try NotebookReader.read(Array(text.utf8)).cells.compactMap(\.id)
        #expect(first.count == 3 && Set(first).count == 3)
        #expect(first[1] == "x")
        #expect(first == second)
        #expect(first[0].count == 8 && first[0].allSatisfy(\.isHexDigit))
    }

    @Test func normalizeMatchesNbformat() throws {
        let notebook = try NotebookReader.read(try Fixtures.bytes("options.ipynb")).upgradedToV4()
        let expected = try Fixtures.bytes("expected/options.normalized.ipynb")
        let output = NotebookWriter.bytes(notebook)
        #expect(output == expected, "\(Fixtures.firstDifference(output, expected))")
    }

    @Test func multiLineFieldsAreSplitAndJoinedAsNbformatDoes() throws {
        let notebook = try NotebookReader.read(try Fixtures.bytes("lines.ipynb"))
        let expected = try Fixtures.bytes("expected/lines.normalized.ipynb")
        let output = NotebookWriter.bytes(notebook)
        #expect(output == expected, "\(Fixtures.firstDifference(output, expected))")
        #expect(notebook.cells[0].source == "a\nb\nc")
    }

    /// nbformat's v3 `_join_lines`: `["a\r\n", "b"]` keeps its line ends ("\r\n" is one Swift
    /// Character, so a naive `hasSuffix("\n")` gets this wrong); lines without ends get `\n`.
    @Test func v3LinesAreJoinedAsNbformatJoinsThem() {
        #expect(LineJoining.rejoined(.array([.string("a\r\n"), .string("b")]), major: 3) == .string("a\r\nb"))
        #expect(LineJoining.rejoined(.array([.string("a"), .string("b")]), major: 3) == .string("a\nb"))
        #expect(LineJoining.rejoined(.array([.string("a\n"), .string("b")]), major: 2) == .string("a\n\nb"))
    }

    @Test func upgradesV3AsNbformatDoesWithStableIDs() throws {
        let notebook = try NotebookReader.read(try Fixtures.bytes("legacy-v3.ipynb")).upgradedToV4()
        let expected = try Fixtures.bytes("expected/legacy-v3.normalized.ipynb")
        #expect(notebook.major == 4 && notebook.minor == 5)
        let output = NotebookWriter.bytes(notebook)
        #expect(try Corpus.withoutCellIDs(output) == Corpus.withoutCellIDs(expected))
        #expect(output.count == expected.count, "ids have nbformat's length")
        let again = try NotebookReader.read(try Fixtures.bytes("legacy-v3.ipynb")).upgradedToV4()
        #expect(NotebookWriter.bytes(again) == NotebookWriter.bytes(notebook))
    }
}
