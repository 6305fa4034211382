import Foundation
import Testing

/// `quire sync` on real files: each side edited, both edited, conflicts, `--check`, the
/// pairing from jupytext's configuration, and bad input.
@Suite final class SyncCommandTests {
    let folder: String

    init() throws { folder = try QuireRunner.makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static let notebook = """
        {"cells": [
          {"cell_type": "code", "execution_count": 1, "id": "one", "metadata": {},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["1\\n"]}], "source": "a = 1\\nprint(a)"},
          {"cell_type": "markdown", "id": "two", "metadata": {}, "source": "Some text"},
          {"cell_type": "code", "execution_count": 2, "id": "three", "metadata": {}, "outputs": [], "source": "b = 2"}],
         "metadata": {"jupytext": {"formats": "ipynb,py:percent"},
                      "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}
        """

    var notebookPath: String { folder + "/nb.ipynb" }
    var scriptPath: String { folder + "/nb.py" }

    func write(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    func sync(_ arguments: String...) throws -> QuireRunner.Result { try QuireRunner.run(["sync"] + arguments, in: folder) }

    /// The notebook's cell sources, read with Foundation (not with quire).
    func sources() throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: notebookPath))) as? [String: Any]
        return (json?["cells"] as? [[String: Any]] ?? []).map { cell in
            (cell["source"] as? [String])?.joined() ?? cell["source"] as? String ?? ""
        }
    }

    func outputCount(ofCell index: Int) throws -> Int {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: notebookPath))) as? [String: Any]
        return ((json?["cells"] as? [[String: Any]])?[index]["outputs"] as? [Any])?.count ?? -1
    }

    /// A notebook edited as Jupyter would save it: one cell's source replaced.
    func editNotebook(_ old: String, _ new: String) throws {
        try write(try read(notebookPath).replacingOccurrences(of: old, with: new), notebookPath)
    }

    func editScript(_ old: String, _ new: String) throws {
        try write(try read(scriptPath).replacingOccurrences(of: old, with: new), scriptPath)
    }

    /// A paired notebook, synced once so quire knows the pair's common state.
    func pairedAndSynced() throws {
        try write(Self.notebook, notebookPath)
        let first = try sync()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("nb.py: created from nb.ipynb"))
        #expect(try read(scriptPath).hasSuffix("\n# %%\na = 1\nprint(a)\n\n# %% [markdown]\n# Some text\n\n# %%\nb = 2\n"))
        #expect(try sync("--check").status == 0)
    }

    @Test func anEditToTheScriptReachesTheNotebookWithItsOutputs() throws {
        try pairedAndSynced()
        try editScript("print(a)", "print(a * 10)")
        let check = try sync("--check")
        #expect(check.status == 1 && check.stdout.contains("the script changed since the last sync"))
        let result = try sync()
        #expect(result.status == 0 && result.stdout.contains("nb.ipynb: updated from nb.py"), "\(result.stderr)")
        #expect(try sources() == ["a = 1\nprint(a * 10)", "Some text", "b = 2"])
        #expect(try outputCount(ofCell: 0) == 1, "the edited cell keeps its output")
        #expect(try sync("--check").status == 0)
    }

    @Test func anEditToTheNotebookReachesTheScript() throws {
        try pairedAndSynced()
        try editNotebook("\"b = 2\"", "\"b = 2 + 2\"")
        let check = try sync("--check")
        #expect(check.status == 1 && check.stdout.contains("the notebook changed since the last sync"))
        let result = try sync("nb.ipynb")
        #expect(result.status == 0 && result.stdout.contains("nb.py: updated from nb.ipynb"), "\(result.stderr)")
        #expect(try read(scriptPath).hasSuffix("# %%\nb = 2 + 2\n"))
        #expect(try sync("--check").status == 0)
    }

    @Test func editsToDifferentCellsOnBothSidesAreMerged() throws {
        try pairedAndSynced()
        try editNotebook("\"b = 2\"", "\"b = 3\"")
        try editScript("# Some text", "# Some text, written in the editor")
        #expect(try sync("--check").stdout.contains("both changed since the last sync"))
        let result = try sync("nb.py")
        #expect(result.status == 0 && result.stdout.contains("merged"), "\(result.stderr)")
        #expect(try sources() == ["a = 1\nprint(a)", "Some text, written in the editor", "b = 3"])
        #expect(try read(scriptPath).contains("# Some text, written in the editor\n\n# %%\nb = 3\n"))
        #expect(try outputCount(ofCell: 0) == 1)
        #expect(try sync("--check").status == 0)
    }

    @Test func editsToTheSameLinesAreRefusedAndNothingIsLost() throws {
        try pairedAndSynced()
        try editNotebook("\"b = 2\"", "\"b = 3\"")
        try editScript("b = 2", "b = 4")
        let notebookBefore = try read(notebookPath), scriptBefore = try read(scriptPath)
        let result = try sync()
        #expect(result.status == 1)
        #expect(result.stderr.contains("nb.ipynb and nb.py both changed since the last sync"), "\(result.stderr)")
        #expect(result.stderr.contains("cell 3 (id three)"))
        #expect(try read(notebookPath) == notebookBefore && read(scriptPath) == scriptBefore, "nothing was written")
        #expect(try sync("--check").status == 1)

        let kept = try sync("--use", "script", "nb.ipynb")
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(try sources()[2] == "b = 4")
        #expect(try sync("--check").status == 0)
    }

    @Test func withoutARecordTheCommittedPairIsTheAncestor() throws {
        try write(Self.notebook, notebookPath)
        #expect(try sync().status == 0)
        try FileManager.default.removeItem(atPath: folder + "/.quire")
        try editScript("b = 2", "b = 5")
        let unknown = try sync()
        #expect(unknown.status == 1 && unknown.stderr.contains("no record of their last sync"), "\(unknown.stderr)")
        #expect(try sources()[2] == "b = 2", "nothing was written")

        for arguments in [["init", "-q"], ["add", "nb.ipynb"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "pair"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git"] + arguments
            git.currentDirectoryURL = URL(fileURLWithPath: folder)
            try git.run()
            git.waitUntilExit()
        }
        // The script as committed, in step with the committed notebook, then edited.
        try editScript("b = 5", "b = 2")
        let add = Process()
        add.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        add.arguments = ["sh", "-c", "git add nb.py && git -c user.name=t -c user.email=t@t commit -qm script"]
        add.currentDirectoryURL = URL(fileURLWithPath: folder)
        try add.run()
        add.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder + "/.quire")
        try editScript("b = 2", "b = 6")
        let result = try sync()
        #expect(result.status == 0 && result.stdout.contains("updated from nb.py"), "\(result.stderr)")
        #expect(try sources()[2] == "b = 6")
    }

    @Test func jupytextConfigurationPairsNotebooksAcrossFolders() throws {
        try FileManager.default.createDirectory(atPath: folder + "/notebooks/sub", withIntermediateDirectories: true)
        try write("formats = \"notebooks///ipynb,scripts///py:percent\"\n", folder + "/jupytext.toml")
        let plain = Self.notebook.replacingOccurrences(of: "\"jupytext\": {\"formats\": \"ipynb,py:percent\"},", with: "")
        try write(plain, folder + "/notebooks/sub/a.ipynb")
        try write("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", folder + "/notebooks/b.ipynb")
        let result = try sync()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/scripts/sub/a.py"))
        #expect(FileManager.default.fileExists(atPath: folder + "/scripts/b.py"))
        #expect(!(try read(folder + "/scripts/sub/a.py")).contains("formats:"), "a pairing from configuration stays out of the header")

        try write("[pair]\nformats = \"ipynb,R:percent\"\n", folder + "/notebooks/quire.toml")
        #expect(try sync("notebooks/b.ipynb").status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/notebooks/b.R"), "quire.toml nearer the notebook wins")
    }

    @Test func aPairingOutsideTheRepositoryIsRefused() throws {
        let repository = folder + "/repo"
        try FileManager.default.createDirectory(atPath: repository + "/.git", withIntermediateDirectories: true)
        let escaping = Self.notebook.replacingOccurrences(of: "ipynb,py:percent", with: "ipynb,../scripts//py:percent")
        try write(escaping, repository + "/nb.ipynb")
        let result = try QuireRunner.run(["sync", "nb.ipynb"], in: repository)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("outside the repository"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/scripts/nb.py"))
        #expect(!FileManager.default.fileExists(atPath: repository + "/.quire"))
    }

    @Test func badInputIsNamedAndNothingIsWritten() throws {
        try pairedAndSynced()
        let notebookBefore = try read(notebookPath)
        try write(try read(scriptPath) + "\n# %% [markdown] tags=[\"unclosed\"\n", scriptPath)
        let bad = try sync()
        #expect(bad.status == 65 && bad.stderr.contains("nb.py"), "\(bad.stderr)")
        #expect(try read(notebookPath) == notebookBefore)

        try write("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", folder + "/lonely.ipynb")
        let unpaired = try sync("lonely.ipynb")
        #expect(unpaired.status == 65 && unpaired.stderr.contains("quire pair lonely.ipynb"))
        #expect(try sync("missing.ipynb").status == 66)
        #expect(try sync("--check", "--use", "script").status == 64)
    }
}
