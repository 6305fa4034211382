import Foundation
import NotebookFormat
import Testing

/// `quire diff` as a user runs it: two files, stdin, git's HEAD, JSON, ignore flags, exit codes.
@Suite final class DiffCommandTests {
    static let old = """
        {"cells": [
          {"cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["1\\n"]}],
           "source": ["x = 1\\n", "print(x)"]},
          {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# Notes"]}
         ],
         "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}
        """

    static let new = """
        {"cells": [
          {"cell_type": "code", "execution_count": 2, "id": "c1", "metadata": {},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["2\\n"]}],
           "source": ["x = 2\\n", "print(x)"]},
          {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# Notes"]}
         ],
         "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}
        """

    /// Only the outputs and the execution count differ from `old`.
    static let rerun = old.replacingOccurrences(of: "\"execution_count\": 1", with: "\"execution_count\": 7")
        .replacingOccurrences(of: "[\"1\\\\n\"]", with: "[\"one\\\\n\"]")

    let folder: String

    init() throws { folder = try QuireRunner.makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ text: String, _ name: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func differentNotebooksExitOneWithACellDiff() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try write(Self.old, "a.ipynb"), b = try write(Self.new, "b.ipynb")
        let result = try QuireRunner.run(["diff", a, b])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout == """
            --- \(a)
            +++ \(b)
            ## cell 1 (id c1, code) modified
              execution count 1 → 2
            @@ -1,2 +1,2 @@
            -x = 1
            +x = 2
             print(x)
              output 1 (stream stdout):
                -1
                +2

            """)
        #expect(result.stderr.isEmpty)
    }

    @Test func sameNotebooksExitZeroSilently() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try write(Self.old, "a.ipynb")
        // The same notebook written differently (one line, lines joined) is the same notebook.
        let b = try write(Self.old.replacingOccurrences(of: "[\"x = 1\\n\", \"print(x)\"]", with: "\"x = 1\\nprint(x)\""), "b.ipynb")
        let result = try QuireRunner.run(["diff", a, b])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func ignoreFlagsHideWhatTheyName() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try write(Self.old, "a.ipynb"), b = try write(Self.rerun, "b.ipynb")
        #expect(try QuireRunner.run(["diff", a, b]).status == 1)
        #expect(try QuireRunner.run(["diff", "--ignore-outputs", a, b]).status == 1)
        #expect(try QuireRunner.run(["diff", "--ignore-outputs", "--ignore-details", a, b]).status == 0)
        #expect(try QuireRunner.run(["diff", "--sources-only", a, b]).status == 0)
        let c = try write(Self.new, "c.ipynb")
        #expect(try QuireRunner.run(["diff", "--sources-only", a, c]).status == 1)
    }

    @Test func jsonIsNbdimeFormat() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try write(Self.old, "a.ipynb"), b = try write(Self.new, "b.ipynb")
        let result = try QuireRunner.run(["diff", "--json", a, b])
        #expect(result.status == 1)
        let parsed = try JSONParser.parse(result.stdout)
        let ops = try #require(parsed.arrayValue)
        #expect(ops.count == 1)
        #expect(ops.first?.objectValue?["op"] == .string("patch"))
        #expect(ops.first?.objectValue?["key"] == .string("cells"))
        let same = try QuireRunner.run(["diff", "--json", a, a])
        #expect(same.status == 0)
        #expect(same.stdout == "[]\n")
    }

    @Test func standardInputForOneSide() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let b = try write(Self.new, "b.ipynb")
        let result = try QuireRunner.run(["diff", "-", b], stdin: Data(Self.old.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("--- <stdin>\n+++ \(b)\n"))
    }

    @Test func devNullIsAnEmptyNotebook() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let b = try write(Self.new, "b.ipynb")
        let added = try QuireRunner.run(["diff", "/dev/null", b])
        #expect(added.status == 1, "\(added.stderr)")
        #expect(added.stdout.contains("## cell 1 (id c1, code) added\n+x = 2\n+print(x)\n  + output 1: stream stdout, \"2\"\n"))
        #expect(added.stdout.contains("## cell 2 (id m1, markdown) added\n+# Notes\n"))
        #expect(try QuireRunner.run(["diff", b, "/dev/null"]).stdout.contains("## cell 2 (id m1, markdown) deleted\n"))
    }

    @Test func olderVersionsAreUpgradedToCompare() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let v3 = try write("""
            {"metadata": {"name": ""}, "nbformat": 3, "nbformat_minor": 0, "worksheets": [{"metadata": {}, "cells": [
              {"cell_type": "code", "collapsed": false, "input": ["x = 1"], "language": "python", "metadata": {},
               "outputs": [], "prompt_number": 1}]}]}
            """, "v3.ipynb")
        let v4 = try write("""
            {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {"collapsed": false}, "outputs": [],
              "source": ["x = 2"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """, "v4.ipynb")
        let result = try QuireRunner.run(["diff", v3, v4])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            --- \(v3)
            +++ \(v4)
            # \(v3) is nbformat 3, compared as nbformat 4
            ## nbformat 3 → 4

            """))
        #expect(result.stdout.contains("## cell 1 (code) modified\n@@ -1 +1 @@\n-x = 1\n+x = 2\n"))
    }

    @Test func badInputExitCodes() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try write(Self.old, "a.ipynb")
        let broken = try write("{\"cells\": [", "broken.ipynb")
        let missing = try QuireRunner.run(["diff", a, folder + "/missing.ipynb"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("missing.ipynb: no such file"))
        let invalid = try QuireRunner.run(["diff", broken, a])
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("broken.ipynb"))
        #expect(try QuireRunner.run(["diff", a, a, a]).status == 64)
        #expect(try QuireRunner.run(["diff", "-"]).status == 64)
    }

    @Test func colourOnlyWhenAsked() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try write(Self.old, "a.ipynb"), b = try write(Self.new, "b.ipynb")
        #expect(try QuireRunner.run(["diff", "--color", "always", a, b]).stdout.contains("\u{1B}["))
        // stdout is a file here, so auto means no colour even without NO_COLOR.
        #expect(!(try QuireRunner.run(["diff", a, b], environment: ["NO_COLOR": ""]).stdout.contains("\u{1B}[")))
    }

    @Test func helpHasExamples() throws {
        let help = try QuireRunner.run(["diff", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("quire diff analysis.ipynb"))
        #expect(help.stdout.contains("--ignore-outputs"))
        #expect(help.stdout.contains("--sources-only"))
    }

    @Test func oneFileComparesWithGitHEAD() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/notebooks", withIntermediateDirectories: true)
        try sandbox.write(Self.old, to: "notebooks/nb.ipynb")
        try sandbox.git("add", "notebooks/nb.ipynb")
        try sandbox.git("commit", "-q", "-m", "first")

        // From inside a subfolder, with a path relative to it.
        let unchanged = try sandbox.quire("diff", "nb.ipynb", in: sandbox.repo + "/notebooks")
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.isEmpty)

        try sandbox.write(Self.new, to: "notebooks/nb.ipynb")
        let changed = try sandbox.quire("diff", "notebooks/nb.ipynb")
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.hasPrefix("--- HEAD:notebooks/nb.ipynb\n+++ notebooks/nb.ipynb\n## cell 1 (id c1, code) modified\n"))

        try sandbox.write(Self.old, to: "untracked.ipynb")
        let untracked = try sandbox.quire("diff", "untracked.ipynb")
        #expect(untracked.status == 66)
        #expect(untracked.stderr.contains("untracked.ipynb: not tracked by git"))

        try sandbox.git("add", "untracked.ipynb")
        let staged = try sandbox.quire("diff", "untracked.ipynb")
        #expect(staged.status == 66)
        #expect(staged.stderr.contains("not in HEAD"))

        let outside = try sandbox.quire("diff", sandbox.home + "/nb.ipynb")
        #expect(outside.status == 66)
        try sandbox.write(Self.old, to: "../home/nb.ipynb")
        let notRepo = try sandbox.quire("diff", sandbox.home + "/nb.ipynb")
        #expect(notRepo.status == 66)
        #expect(notRepo.stderr.contains("not inside a git repository"))
    }

    @Test func workingCopyIsCleanedWhenGitCleansIt() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        #expect(try sandbox.quire("git", "install").status == 0)
        try sandbox.write(Self.old, to: "nb.ipynb")
        try sandbox.git("add", "nb.ipynb")
        try sandbox.git("commit", "-q", "-m", "first")
        // HEAD holds the cleaned notebook; the working copy keeps its outputs and counts.
        let cleaned = try sandbox.quire("diff", "nb.ipynb")
        #expect(cleaned.status == 0, "\(cleaned.stdout)\(cleaned.stderr)")
        let raw = try sandbox.quire("diff", "--no-filter", "nb.ipynb")
        #expect(raw.status == 1)
        #expect(raw.stdout.contains("  + output 1: stream stdout, \"1\""))

        try sandbox.write(Self.new, to: "nb.ipynb")
        let edited = try sandbox.quire("diff", "nb.ipynb")
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("# nb.ipynb as git's quire filter cleans it (--no-filter: as it is on disk)\n"))
        #expect(edited.stdout.contains("-x = 1\n+x = 2\n"))
        #expect(!edited.stdout.contains("output"))
    }
}
