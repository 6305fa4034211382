import Foundation
import NotebookFormat
import Testing

/// `quire diff` as a user runs it: two files, stdin, git's HEAD, JSON, ignore flags, exit codes.
@Suite struct DiffCommandTests {
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

        let outside = try sandbox.quire("diff", sandbox.home + "/nb.ipynb", stdin: nil)
        #expect(outside.status == 66)
        try sandbox.write(Self.old, to: "../home/nb.ipynb")
        let notRepo = try sandbox.quire("diff", sandbox.home + "/nb.ipynb")
        #expect(notRepo.status == 66)
        #expect(notRepo.stderr.contains("not inside a git repository"))
    }
}
