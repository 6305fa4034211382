import Foundation
import Testing

/// `quire normalize` and `quire clean` as a user runs them: files in place, stdin, `--check`,
/// bad input and settings files.
@Suite final class CommandLineTests {
    let folder: String

    init() throws { folder = try QuireRunner.makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func copyFixture(_ name: String, as target: String) throws -> String {
        let path = folder + "/" + target
        try FileManager.default.copyItem(atPath: QuireRunner.fixture(name), toPath: path)
        return path
    }

    func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func cleanRewritesInPlaceAndKeepsThePermissionBits() throws {
        let path = try copyFixture("options.ipynb", as: "nb.ipynb")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let result = try QuireRunner.run(["clean", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try contents(path) == contents(QuireRunner.fixture("expected/options.clean.ipynb")))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("quire-") }
        #expect(leftovers.isEmpty, "no temporary files are left behind")
    }

    @Test func checkListsDirtyFilesWritesNothingAndExitsOne() throws {
        let dirty = try copyFixture("options.ipynb", as: "dirty.ipynb")
        let clean = try copyFixture("expected/options.clean.ipynb", as: "clean.ipynb")
        let before = try contents(dirty)
        let result = try QuireRunner.run(["clean", "--check", dirty, clean])
        #expect(result.status == 1)
        #expect(result.stdout == "\(dirty): would be cleaned\n")
        #expect(try contents(dirty) == before)
        #expect(try QuireRunner.run(["clean", "--check", clean]).status == 0)
    }

    @Test func standardInputGoesToStandardOutput() throws {
        let input = try contents(QuireRunner.fixture("options.ipynb"))
        let result = try QuireRunner.run(["clean", "--keep-output", "-"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdoutBytes == (try contents(QuireRunner.fixture("expected/options.keep-output.ipynb"))))
    }

    @Test func normalizeMatchesNbformatAndLeavesCanonicalFilesAlone() throws {
        let path = try copyFixture("options.ipynb", as: "nb.ipynb")
        #expect(try QuireRunner.run(["normalize", "--check", path]).status == 1)
        #expect(try QuireRunner.run(["normalize", path]).status == 0)
        #expect(try contents(path) == contents(QuireRunner.fixture("expected/options.normalized.ipynb")))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        #expect(try QuireRunner.run(["normalize", path]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
    }

    @Test(arguments: [
        ("{\n \"cells\": [\n  {,\n ]\n}", 65, ":3:4: invalid JSON"),
        ("[1, 2]", 65, "not a notebook"),
        (#"{"nbformat": 9, "nbformat_minor": 0, "metadata": {}, "cells": []}"#, 65, "nbformat 9 is not supported"),
        ("{\n<<<<<<< HEAD\n \"a\": 1\n=======\n \"a\": 2\n>>>>>>> b\n}", 65, "quire resolve"),
        ("{\"nbformat\": 4, \"cells\": [", 65, "end of the file"),
    ])
    func badInputGetsAClearErrorAndTheFileIsUntouched(text: String, status: Int32, message: String) throws {
        let path = folder + "/bad.ipynb"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        for command in ["clean", "normalize"] {
            let result = try QuireRunner.run([command, path])
            #expect(result.status == status)
            #expect(result.stderr.contains(path) && result.stderr.contains(message), "\(result.stderr)")
            #expect(try contents(path) == Data(text.utf8))
        }
    }

    @Test func missingFilesAndDirectoriesAreInputErrors() throws {
        let missing = try QuireRunner.run(["clean", folder + "/nope.ipynb"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nope.ipynb: no such file"))
        let directory = try QuireRunner.run(["clean", folder])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func otherFilesAreStillProcessedAfterAnError() throws {
        let good = try copyFixture("options.ipynb", as: "good.ipynb")
        let result = try QuireRunner.run(["clean", folder + "/nope.ipynb", good])
        #expect(result.status == 66)
        #expect(try contents(good) == contents(QuireRunner.fixture("expected/options.clean.ipynb")))
    }

    @Test func badFlagValuesAreUsageErrors() throws {
        let result = try QuireRunner.run(["clean", "--max-size", "lots", "x.ipynb"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-size"))
    }

    @Test func settingsComeFromQuireToml() throws {
        let path = try copyFixture("options.ipynb", as: "nb.ipynb")
        try Data("[clean]\nkeep-count = true  # keep execution counts\n".utf8).write(to: URL(fileURLWithPath: folder + "/quire.toml"))
        #expect(try QuireRunner.run(["clean", "nb.ipynb"], in: folder).status == 0)
        #expect(try contents(path) == contents(QuireRunner.fixture("expected/options.keep-count.ipynb")))
    }

    @Test func settingsComeFromPyprojectAndFlagsWin() throws {
        let path = try copyFixture("options.ipynb", as: "nb.ipynb")
        let pyproject = """
            [project]
            name = "demo"
            dependencies = ["numpy>=2", 'pandas']

            [tool.quire.clean]
            keep_output = true
            drop-output-type = ["stream:stderr"]
            """
        try Data(pyproject.utf8).write(to: URL(fileURLWithPath: folder + "/pyproject.toml"))
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        #expect(try QuireRunner.run(["clean", "../nb.ipynb"], in: folder + "/sub").status == 0)
        #expect(try contents(path) == contents(QuireRunner.fixture("expected/options.drop-output-type.ipynb")))
        #expect(try QuireRunner.run(["clean", "--no-keep-output", "--keep-output-type", "stream:stdout", "nb.ipynb"], in: folder).status == 0)
        let notebook = try JSONSerialization.jsonObject(with: contents(path)) as? [String: Any]
        #expect((notebook?["cells"] as? [[String: Any]])?.count == 9)
    }

    @Test func unknownSettingsAreReportedWithFileAndLine() throws {
        _ = try copyFixture("options.ipynb", as: "nb.ipynb")
        try Data("[clean]\nkeep-count = true\nkeep-outputs = true\n".utf8).write(to: URL(fileURLWithPath: folder + "/quire.toml"))
        let result = try QuireRunner.run(["clean", "nb.ipynb"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("quire.toml:3: unknown setting 'keep-outputs'"), "\(result.stderr)")
    }

    /// The fast path (plain flags) and ArgumentParser (after `--`, which only it handles) must agree.
    @Test(arguments: [
        [String](), ["--keep-output"], ["--keep-count", "--drop-empty-cells"], ["--max-size", "30"],
        ["--extra-keys", "metadata.custom.drop cell.metadata.tags"], ["--keep-output", "--drop-output-type", "stream:stderr"],
        ["--keep-output-type", "stream:stdout", "--keep-output-type", "error"], ["--no-keep-output", "--strip-init-cells"],
    ])
    func fastPathAndFullParserAgree(flags: [String]) throws {
        let fast = try copyFixture("options.ipynb", as: "fast.ipynb")
        let full = try copyFixture("options.ipynb", as: "full.ipynb")
        #expect(try QuireRunner.run(["clean"] + flags + [fast]).status == 0)
        #expect(try QuireRunner.run(["clean"] + flags + ["--", full]).status == 0)
        #expect(try contents(fast) == contents(full))
        #expect(try contents(fast) != contents(QuireRunner.fixture("options.ipynb")))
    }

    @Test func helpAndUnknownFlagsReachTheFullParser() throws {
        let help = try QuireRunner.run(["clean", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--keep-metadata-keys"))
        let unknown = try QuireRunner.run(["clean", "--keep-outputs", "x.ipynb"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--keep-outputs"))
    }
}
