import Foundation
import NotebookFormat
import NotebookText
import Testing

/// The record of a pair's last sync: written under `.quire/sync/`, read back the same, and
/// ignored by git.
@Suite struct SyncStateTests {
    @Test func aRecordReadsBackAsSavedAndGitIgnoresIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let state = SyncState(root: root)
        let script = root + "/sub/nb.py"
        #expect(state.record(ofScript: script) == nil)

        let record = SyncState.Record(text: "# %%\nx = 1\n", notebookStamp: FileStamp(size: 10, seconds: 1_700_000_000, nanoseconds: 5))
        try state.save(record, ofScript: script)
        #expect(state.record(ofScript: script) == record)
        #expect(try String(contentsOfFile: root + "/.quire/.gitignore", encoding: .utf8).contains("\n*\n"))
        #expect(FileManager.default.fileExists(atPath: root + "/.quire/sync/sub/nb.py"))

        let withoutStamp = SyncState.Record(text: "quire-sync is only a word here\n", notebookStamp: nil)
        try state.save(withoutStamp, ofScript: script)
        #expect(state.record(ofScript: script) == withoutStamp)
        #expect(state.record(ofScript: "/elsewhere/nb.py") == nil, "a script outside the root has no record")
    }

    @Test func aNotebookKnownUnchangedIsNotRenderedAgain() throws {
        let syncer = PairSync(notebookPath: "nb.ipynb", scriptPath: "nb.py", script: ScriptLanguages.forExtension("py")!)
        let bytes = Array(#"{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#.utf8)
        let notebook = (bytes, try NotebookReader.read(bytes))
        // The base says the pair held one cell; the notebook is trusted to match it, so an
        // unchanged script means the pair is in step without looking at the notebook's cells.
        let base = "# %%\nx = 1\n"
        guard case .success(let same) = try syncer.sync(notebook: notebook, script: base, base: base, notebookMatchesBase: true) else {
            Issue.record("refused")
            return
        }
        #expect(same.change == .none)
        guard case .success(let edited) = try syncer.sync(notebook: notebook, script: base + "\n# %%\ny = 2\n", base: base, notebookMatchesBase: true) else {
            Issue.record("refused")
            return
        }
        #expect(edited.change == .script)
    }
}
