import Foundation
import Testing

/// `quire convert` as a user runs it.
@Suite final class ConvertCommandTests {
    let folder: String

    init() throws { folder = try QuireRunner.makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static let pythonNotebook = """
        {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
         {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": ["%matplotlib inline\\n", "x = 1"]}],
         "metadata": {"jupytext": {"formats": "ipynb,py:percent"},
          "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}
        """

    static let body = """

        # %% [markdown]
        # # Title

        # %%
        # %matplotlib inline
        x = 1

        """

    static func header(formats: Bool, ext: String = ".py", kernel: (String, String, String) = ("Python 3", "python", "python3")) -> String {
        """
        # ---
        # jupyter:
        #   jupytext:
        \(formats ? "#     formats: ipynb,py:percent\n" : "")#     text_representation:
        #       extension: \(ext)
        #       format_name: percent
        #       format_version: '1.3'
        #   kernelspec:
        #     display_name: \(kernel.0)
        #     language: \(kernel.1)
        #     name: \(kernel.2)
        # ---

        """
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    @Test func writesThePairedScriptNextToTheNotebook() throws {
        let input = try write("nb.ipynb", Self.pythonNotebook)
        let result = try QuireRunner.run(["convert", input, "--to", "py:percent"])
        #expect(result.status == 0, "\(result.stderr)")
        // nb.py is one of the paired files, so the pairing stays (as with jupytext)
        #expect(try read(folder + "/nb.py") == Self.header(formats: true) + Self.body)
    }

    @Test func stdoutAndOtherNamesDropThePairing() throws {
        let input = try write("nb.ipynb", Self.pythonNotebook)
        let out = try QuireRunner.run(["convert", input, "--to", "py:percent", "-o", "-"])
        #expect(out.status == 0)
        #expect(out.stdout == Self.header(formats: false) + Self.body)
        let other = try QuireRunner.run(["convert", input, "--to", "py:percent", "-o", folder + "/other.txt"])
        #expect(other.status == 0)
        #expect(try read(folder + "/other.txt") == Self.header(formats: false) + Self.body)
        let stdin = try QuireRunner.run(["convert", "-", "--to", "py:percent"], stdin: Data(Self.pythonNotebook.utf8))
        #expect(stdin.stdout == out.stdout)
    }

    @Test func percentAloneFollowsTheKernelLanguage() throws {
        let r = """
            {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "library(x)"}],
             "metadata": {"kernelspec": {"display_name": "R", "language": "R", "name": "ir"}}, "nbformat": 4, "nbformat_minor": 4}
            """
        let input = try write("model.ipynb", r)
        let result = try QuireRunner.run(["convert", input, "--to", "percent"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read(folder + "/model.R") == Self.header(formats: false, ext: ".R", kernel: ("R", "R", "ir")) + "\n# %%\nlibrary(x)\n")
    }

    @Test func refusesToOverwriteTheInput() throws {
        let input = try write("nb.ipynb", Self.pythonNotebook)
        let result = try QuireRunner.run(["convert", input, "--to", "py:percent", "-o", input])
        #expect(result.status == 64)
        #expect(result.stderr.contains("overwrite the input"))
        #expect(try read(input) == Self.pythonNotebook)
    }

    @Test func badInputsExitCodes() throws {
        let missing = try QuireRunner.run(["convert", folder + "/none.ipynb", "--to", "py:percent"])
        #expect(missing.status == 66)
        let broken = try write("broken.ipynb", "{\"cells\": [")
        let invalid = try QuireRunner.run(["convert", broken, "--to", "py:percent"])
        #expect(invalid.status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder + "/broken.py"))
        let ocaml = try write("o.ipynb", """
            {"cells": [], "metadata": {"kernelspec": {"display_name": "OCaml", "language": "OCaml", "name": "ocaml"}}, "nbformat": 4, "nbformat_minor": 4}
            """)
        let noComment = try QuireRunner.run(["convert", ocaml, "--to", "percent"])
        #expect(noComment.status == 65)
        #expect(noComment.stderr.contains("no line comment"))
        let v3 = try write("v3.ipynb", #"{"metadata": {}, "nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": []}]}"#)
        let old = try QuireRunner.run(["convert", v3, "--to", "py:percent"])
        #expect(old.status == 65)
        #expect(old.stderr.contains("quire normalize"))
        let usage = try QuireRunner.run(["convert", ocaml, "--to", "md"])
        #expect(usage.status == 64)
        let update = try QuireRunner.run(["convert", ocaml, "--to", "py:percent", "--update"])
        #expect(update.status == 64)
    }

    @Test func scriptBackToNotebookAndUpdate() throws {
        let input = try write("nb.ipynb", Self.pythonNotebook)
        #expect(try QuireRunner.run(["convert", input, "--to", "py:percent"]).status == 0)
        let script = folder + "/nb.py"
        let back = try QuireRunner.run(["convert", script, "--to", "ipynb", "-o", folder + "/back.ipynb"])
        #expect(back.status == 0, "\(back.stderr)")
        let notebook = try read(folder + "/back.ipynb")
        #expect(notebook.contains("\"%matplotlib inline\\n\""))
        #expect(notebook.contains("\"cell_type\": \"markdown\""))
        // the existing notebook's outputs stay with --update; a plain conversion replaces it
        let withOutput = Self.pythonNotebook.replacingOccurrences(
            of: "\"outputs\": []", with: #""outputs": [{"name": "stdout", "output_type": "stream", "text": ["1\n"]}]"#)
        let target = try write("target.ipynb", withOutput)
        let updated = try QuireRunner.run(["convert", script, "--to", "ipynb", "-o", target, "--update"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(try read(target).contains("\"output_type\": \"stream\""))
        let replaced = try QuireRunner.run(["convert", script, "--to", "ipynb", "-o", target])
        #expect(replaced.stderr.contains("--update"))
        #expect(!(try read(target).contains("\"output_type\"")))
    }

    @Test func badScriptNamesTheLine() throws {
        let script = try write("bad.py", "x = 1\n# %% [nonsense]\ny\n")
        let result = try QuireRunner.run(["convert", script, "--to", "ipynb"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.py:2"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad.ipynb"))
    }

    @Test func helpHasExamples() throws {
        let help = try QuireRunner.run(["convert", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("quire convert analysis.ipynb --to py:percent"))
    }
}
