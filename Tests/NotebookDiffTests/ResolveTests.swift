import Foundation
import NotebookFormat
import Testing

@testable import NotebookDiff

/// Notebooks that git's own line merge (`git merge-file`) left with conflict markers, repaired.
struct ResolveTests {
    typealias F = MergeFixture

    let base = F.notebook([
        F.markdown("m", "# Analysis"),
        F.code("a", "import math\nx = 1\ny = 2", outputs: ["ok\n"], count: 1),
        F.code("b", "print(x + y)"),
    ])
    var local: [UInt8] {
        F.notebook([
            F.markdown("m", "# Analysis, local"),
            F.code("a", "import math\nx = 1\ny = 2", outputs: ["ok\n"], count: 1),
            F.code("b", "print(x + y)"),
            F.code("l", "local_addition()"),
        ])
    }
    var remote: [UInt8] {
        F.notebook([
            F.markdown("m", "# Analysis"),
            F.code("a", "import math\nx = 1\ny = 3", outputs: ["ok\n"], count: 1),
            F.code("b", "print(x + y)"),
            F.code("r", "chart.draw(results, colour='red')"),
        ])
    }

    /// `git merge-file -p` of the three versions, and how many conflicts git reported.
    static func gitMerge(_ base: [UInt8], _ local: [UInt8], _ remote: [UInt8], diff3: Bool) throws -> (text: [UInt8], conflicts: Int32) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-resolve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in [("base", base), ("local", local), ("remote", remote)] {
            try Data(bytes).write(to: folder.appendingPathComponent(name + ".ipynb"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "-p"] + (diff3 ? ["--diff3"] : []) + ["-L", "local", "-L", "base", "-L", "remote", "local.ipynb", "base.ipynb", "remote.ipynb"]
        process.currentDirectoryURL = folder
        let output = folder.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        return (Array(try Data(contentsOf: output)), process.terminationStatus)
    }

    @Test func withTheBaseOnlyTrueConflictsRemain() throws {
        let git = try Self.gitMerge(base, local, remote, diff3: true)
        #expect(git.conflicts >= 1)
        let outcome = try NotebookResolve.resolve(git.text)
        #expect(outcome.hadBase && outcome.gitConflicts >= 1)
        #expect(outcome.result.isClean)
        let direct = try F.merge(base, local, remote)
        #expect(F.sources(outcome.result) == F.sources(direct))
        #expect(F.sources(outcome.result) == ["# Analysis, local", "import math\nx = 1\ny = 3", "print(x + y)", "local_addition()", "chart.draw(results, colour='red')"])
        #expect(F.isValid(outcome.result.bytes))
    }

    @Test func withoutTheBaseNothingOfEitherSideIsLost() throws {
        let git = try Self.gitMerge(base, local, remote, diff3: false)
        let outcome = try NotebookResolve.resolve(git.text)
        #expect(!outcome.hadBase)
        #expect(F.isValid(outcome.result.bytes))
        let text = F.sources(outcome.result).joined(separator: "\n")
        for expected in ["local_addition()", "chart.draw(results, colour='red')", "# Analysis, local", "y = 3"] {
            #expect(text.contains(expected))
        }
        #expect(outcome.result.conflicts.map(\.kind) == [.addedOrDeleted, .addedOrDeleted])
        #expect(outcome.result.conflicts.first?.description == "cell 4 (id l): only in local: added there or deleted in remote")
    }

    @Test func theSameLinesEditedTwiceConflictInTheCell() throws {
        let edited = { (text: String) in F.notebook([F.markdown("m", "# Analysis"), F.code("a", text, outputs: ["ok\n"], count: 1), F.code("b", "print(x + y)")]) }
        for diff3 in [true, false] {
            let git = try Self.gitMerge(base, edited("import math\nx = 1\ny = 20"), edited("import math\nx = 1\ny = 200"), diff3: diff3)
            let outcome = try NotebookResolve.resolve(git.text, options: MergeOptions(showBase: diff3))
            #expect(outcome.result.conflicts.map(\.description) == ["cell 2 (id a): both sides edited the source"])
            let expected = diff3
                ? "import math\nx = 1\n<<<<<<< local\ny = 20\n||||||| base\ny = 2\n=======\ny = 200\n>>>>>>> remote"
                : "import math\nx = 1\n<<<<<<< local\ny = 20\n=======\ny = 200\n>>>>>>> remote"
            #expect(F.sources(outcome.result)[1] == expected)
        }
    }

    @Test func aSideThatDoesNotReadIsReportedAtItsLine() {
        let text = Array("{\n \"cells\": [],\n<<<<<<< ours\n \"metadata\": {,\n=======\n \"metadata\": {},\n>>>>>>> theirs\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n".utf8)
        do {
            _ = try NotebookResolve.resolve(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .badInput(.local))
            #expect(error.underlying?.line == 4)
            #expect(error.exitCode == 65)
        }
    }

    @Test func markersMustNest() {
        #expect(throws: NotebookError.self) { try ConflictedText.parse(Array("a\n<<<<<<< x\nb\n=======\nc\n".utf8)) }
        #expect(throws: NotebookError.self) { try ConflictedText.parse(Array("a\n=======\nc\n>>>>>>> y\n".utf8)) }
        let longer = try? ConflictedText.parse(Array("a\n<<<<<<<<< x\n=======\nb\n=========\nc\n>>>>>>>>> y\n".utf8))
        #expect(longer.map { String(decoding: $0.local.bytes, as: UTF8.self) } == "a\n=======\nb\n")
        #expect(longer?.local.originalLine(2) == 3)
    }

    @Test func aNotebookWithoutMarkersIsLeftAsItIs() throws {
        let outcome = try NotebookResolve.resolve(base)
        #expect(outcome.gitConflicts == 0)
        #expect(outcome.result.bytes == base)
    }
}
