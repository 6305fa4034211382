import Foundation
import NotebookFormat
import Testing

/// `quire merge`, `quire conflicts` and `quire resolve` as a user runs them.
@Suite final class MergeCommandTests {
    let folder: String

    init() throws { folder = try QuireRunner.makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

    /// A 4.5 notebook with code cells `(id, source)`.
    static func notebook(_ cells: [(String, String)]) -> [UInt8] {
        var json = JSONObject()
        json["cells"] = .array(cells.map { id, source in
            .object(JSONObject([
                "cell_type": .string("code"), "execution_count": .null, "id": .string(id),
                "metadata": .object(JSONObject()), "outputs": .array([]), "source": .string(source),
            ]))
        })
        json["metadata"] = .object(JSONObject())
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(5)
        return NotebookWriter.bytes(Notebook(json: json))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func contents(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func sources(_ bytes: [UInt8]) throws -> [String] { try NotebookReader.read(bytes).cells.map(\.source) }

    /// base, a local edit of cell a, and a remote edit: of cell b, or of the same line of a.
    func triple(conflicting: Bool) throws -> (String, String, String) {
        let base = try write("base.ipynb", Self.notebook([("a", "x = 1"), ("b", "y = 1")]))
        let local = try write("local.ipynb", Self.notebook([("a", "x = 2"), ("b", "y = 1")]))
        let remote = try write("remote.ipynb", Self.notebook(conflicting ? [("a", "x = 3"), ("b", "y = 1")] : [("a", "x = 1"), ("b", "y = 2")]))
        return (base, local, remote)
    }

    @Test func aCleanMergeGoesToStandardOutput() throws {
        defer { removeFolder() }
        let (base, local, remote) = try triple(conflicting: false)
        let result = try QuireRunner.run(["merge", base, local, remote])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try sources(Array(result.stdoutBytes)) == ["x = 2", "y = 2"])
    }

    @Test func conflictsAreWrittenMarkedListedAndExitOne() throws {
        defer { removeFolder() }
        let (base, local, remote) = try triple(conflicting: true)
        let out = folder + "/out.ipynb"
        let result = try QuireRunner.run(["merge", base, local, remote, "-o", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("cell 1 (id a): both sides edited the source\n"))
        #expect(try sources(contents(out)) == ["<<<<<<< local\nx = 2\n=======\nx = 3\n>>>>>>> remote", "y = 1"])
        #expect(try NotebookValidator.validate(contents(out)).isValid)
        let listed = try QuireRunner.run(["conflicts", out])
        #expect(listed.status == 1)
        #expect(listed.stdout == "cell 1 (id a): both sides edited the source\n")
        #expect(try QuireRunner.run(["conflicts", base]).status == 0)
        let json = try QuireRunner.run(["conflicts", "--json", out])
        #expect(json.status == 1)
        let entries = try JSONParser.parse(json.stdout).arrayValue ?? []
        #expect(entries.first?.objectValue?["cell"] == .int(1) && entries.first?.objectValue?["kind"] == .string("source"))
    }

    @Test func inPlaceWritesOverLocalAndOutputsCanBeForced() throws {
        defer { removeFolder() }
        let (base, local, remote) = try triple(conflicting: false)
        let result = try QuireRunner.run(["merge", "--in-place", "--outputs", "clear", base, local, remote])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sources(contents(local)) == ["x = 2", "y = 2"])
        #expect(try QuireRunner.run(["merge", "--in-place", "-o", "x.ipynb", base, local, remote]).status == 64)
        #expect(try QuireRunner.run(["merge", "--outputs", "mine", base, local, remote]).status == 64)
    }

    @Test func badInputLeavesLocalUntouched() throws {
        defer { removeFolder() }
        let (base, local, _) = try triple(conflicting: false)
        let before = try contents(local)
        let broken = try write("broken.ipynb", Array("{\"cells\": [".utf8))
        let invalid = try QuireRunner.run(["merge", "--in-place", base, local, broken])
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains(broken))
        let missing = try QuireRunner.run(["merge", "--in-place", base, local, folder + "/nope.ipynb"])
        #expect(missing.status == 66)
        #expect(try contents(local) == before)
    }

    @Test func resolveRepairsWhatGitsLineMergeLeft() throws {
        defer { removeFolder() }
        let base = Self.notebook([("a", "x = 1"), ("b", "y = 1"), ("c", "z = 1")])
        let local = Self.notebook([("a", "x = 2"), ("b", "y = 1"), ("c", "z = 1"), ("l", "local_cell()")])
        let remote = Self.notebook([("a", "x = 1"), ("b", "y = 2"), ("c", "z = 1"), ("r", "plot(data, colour='red')")])
        let paths = try [("base", base), ("local", local), ("remote", remote)].map { try write($0.0 + ".txt", $0.1) }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "merge-file", "--diff3", paths[1], paths[0], paths[2]]
        try git.run()
        git.waitUntilExit()
        #expect(git.terminationStatus >= 1, "git's line merge conflicts")
        let marked = try write("marked.ipynb", contents(paths[1]))
        let reported = try QuireRunner.run(["conflicts", marked])
        #expect(reported.status == 1)
        #expect(reported.stdout.contains("quire resolve"))

        let result = try QuireRunner.run(["resolve", marked])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sources(contents(marked)) == ["x = 2", "y = 2", "z = 1", "local_cell()", "plot(data, colour='red')"])
        #expect(try QuireRunner.run(["conflicts", marked]).status == 0)
        let again = try QuireRunner.run(["resolve", marked])
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing to repair"))
    }
}
