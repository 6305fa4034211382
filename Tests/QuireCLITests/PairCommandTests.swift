import Foundation
import Testing

/// `quire pair` records jupytext's pairing and writes the script once.
@Suite final class PairCommandTests {
    let folder: String

    init() throws { folder = try QuireRunner.makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static let notebook = """
        {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# Title"},
          {"cell_type": "code", "execution_count": 1, "id": "b", "metadata": {}, "outputs": [], "source": "x = 41"}],
         "metadata": {"kernelspec": {"display_name": "R", "language": "R", "name": "ir"}},
         "nbformat": 4, "nbformat_minor": 5}
        """

    @Test func recordsThePairingInJupytextsFormAndWritesTheScriptOnce() throws {
        let path = folder + "/model.ipynb"
        try Data(Self.notebook.utf8).write(to: URL(fileURLWithPath: path))
        let first = try QuireRunner.run(["pair", path])
        #expect(first.status == 0, "\(first.stderr)")
        let metadata = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let jupytext = (metadata?["metadata"] as? [String: Any])?["jupytext"] as? [String: Any]
        #expect(jupytext?["formats"] as? String == "ipynb,R:percent")
        let script = try String(contentsOfFile: folder + "/model.R", encoding: .utf8)
        #expect(script.contains("#     formats: ipynb,R:percent\n"))
        #expect(script.hasSuffix("# %% [markdown]\n# # Title\n\n# %%\nx = 41\n"))

        try Data("# edited by hand\n".utf8).write(to: URL(fileURLWithPath: folder + "/model.R"))
        let notebookBefore = try Data(contentsOf: URL(fileURLWithPath: path))
        let second = try QuireRunner.run(["pair", path])
        #expect(second.status == 0)
        #expect(second.stderr.contains("exists and was left as it is"))
        #expect(try String(contentsOfFile: folder + "/model.R", encoding: .utf8) == "# edited by hand\n", "an existing script is never overwritten")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == notebookBefore, "pairing twice changes nothing")
    }

    @Test func refusesWhatIsNotAPercentFormatAndBadNotebooks() throws {
        #expect(try QuireRunner.run(["pair", "x.ipynb", "--to", "ipynb"]).status == 64)
        try Data("[1]".utf8).write(to: URL(fileURLWithPath: folder + "/bad.ipynb"))
        let bad = try QuireRunner.run(["pair", folder + "/bad.ipynb"])
        #expect(bad.status == 65 && bad.stderr.contains("bad.ipynb"))
        #expect(try QuireRunner.run(["pair", folder + "/missing.ipynb"]).status == 66)
    }
}
