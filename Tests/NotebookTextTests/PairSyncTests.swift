import NotebookDiff
import NotebookFormat
import NotebookText
import Testing

/// The decisions of `PairSync`: which side changed, what is written, and when it refuses.
@Suite struct PairSyncTests {
    let syncer = PairSync(notebookPath: "nb.ipynb", scriptPath: "nb.py", script: ScriptLanguages.forExtension("py")!)

    static let notebookJSON = """
        {"cells": [
          {"cell_type": "code", "execution_count": 1, "id": "one", "metadata": {},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["1\\n"]}], "source": "a = 1\\nprint(a)"},
          {"cell_type": "markdown", "id": "two", "metadata": {}, "source": "Some text"},
          {"cell_type": "code", "execution_count": 2, "id": "three", "metadata": {}, "outputs": [], "source": "b = 2"}],
         "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}
        """

    /// The header jupytext writes for a python3 notebook, shared with the writer's tests.
    static let header = PercentWriterTests.header

    /// The script jupytext writes for `notebookJSON`, by hand.
    static let script = header + "\n# %%\na = 1\nprint(a)\n\n# %% [markdown]\n# Some text\n\n# %%\nb = 2\n"

    func notebook(_ json: String = notebookJSON) throws -> (bytes: [UInt8], notebook: Notebook) {
        let bytes = NotebookWriter.bytes(try NotebookReader.read(Array(json.utf8)))
        return (bytes, try NotebookReader.read(bytes))
    }

    func outcome(_ notebook: (bytes: [UInt8], notebook: Notebook)?, _ script: String?, base: String?) throws -> PairSync.Outcome {
        switch try syncer.sync(notebook: notebook, script: script, base: base) {
        case .success(let outcome): return outcome
        case .failure(let refusal): Issue.record("refused: \(refusal)"); throw refusal
        }
    }

    @Test func aPairInStepWritesNothing() throws {
        let result = try outcome(notebook(), Self.script, base: nil)
        #expect(result.change == .none && result.notebook == nil && result.script == nil && result.text == Self.script)
    }

    @Test func anEditedScriptUpdatesTheNotebookAndKeepsOutputs() throws {
        let edited = Self.script.replacingOccurrences("print(a)", "print(a + 1)")
        let result = try outcome(notebook(), edited, base: Self.script)
        #expect(result.change == .script && result.script == nil)
        let updated = try NotebookReader.read(try #require(result.notebook))
        #expect(updated.cells.map(\.source) == ["a = 1\nprint(a + 1)", "Some text", "b = 2"])
        #expect(updated.cells.map(\.id) == ["one", "two", "three"])
        #expect(updated.cells[0].json["outputs"]?.arrayValue?.count == 1, "the edited cell keeps its output")
    }

    @Test func anEditedNotebookRewritesTheScript() throws {
        let edited = try notebook(Self.notebookJSON.replacingOccurrences("b = 2", "b = 20"))
        let result = try outcome(edited, Self.script, base: Self.script)
        #expect(result.change == .notebook && result.notebook == nil)
        #expect(result.script == Self.script.replacingOccurrences("b = 2", "b = 20"))
    }

    @Test func editsToDifferentCellsOnBothSidesMerge() throws {
        let edited = try notebook(Self.notebookJSON.replacingOccurrences("b = 2", "b = 20"))
        let script = Self.script.replacingOccurrences("# Some text", "# Some better text")
        let result = try outcome(edited, script, base: Self.script)
        #expect(result.change == .both)
        let merged = try NotebookReader.read(try #require(result.notebook))
        #expect(merged.cells.map(\.source) == ["a = 1\nprint(a)", "Some better text", "b = 20"])
        #expect(merged.cells[0].json["outputs"]?.arrayValue?.count == 1)
        #expect(result.script == Self.script.replacingOccurrences("b = 2", "b = 20").replacingOccurrences("Some text", "Some better text"))
    }

    @Test func editsToTheSameLinesAreRefused() throws {
        let edited = try notebook(Self.notebookJSON.replacingOccurrences("b = 2", "b = 20"))
        let script = Self.script.replacingOccurrences("b = 2", "b = 200")
        guard case .failure(.conflicts(let conflicts)) = try syncer.sync(notebook: edited, script: script, base: Self.script) else {
            Issue.record("expected a conflict")
            return
        }
        #expect(conflicts.count == 1 && conflicts[0].cellIndex == 2 && conflicts[0].cellID == "three")
    }

    @Test func differentFilesWithoutABaseAreRefused() throws {
        let result = try syncer.sync(notebook: notebook(), script: Self.script + "\n# %%\nc = 3\n", base: nil)
        guard case .failure(.noBase) = result else { Issue.record("expected noBase, got \(result)"); return }
    }

    @Test func aMissingSideIsMadeFromTheOther() throws {
        let script = try outcome(notebook(), nil, base: nil)
        #expect(script.change == .missingScript && script.script == Self.script)
        let made = try outcome(nil, Self.script, base: nil)
        #expect(made.change == .missingNotebook)
        #expect(try NotebookReader.read(try #require(made.notebook)).cells.map(\.source) == ["a = 1\nprint(a)", "Some text", "b = 2"])
    }

    @Test func takingOneSideReplacesTheOther() throws {
        let script = Self.script.replacingOccurrences("b = 2", "b = 200")
        let fromNotebook = try syncer.taking(.notebook, notebook: notebook(), script: script)
        #expect(fromNotebook.script == Self.script)
        let fromScript = try syncer.taking(.script, notebook: notebook(), script: script)
        #expect(try NotebookReader.read(try #require(fromScript.notebook)).cells[2].source == "b = 200")
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = "", rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
