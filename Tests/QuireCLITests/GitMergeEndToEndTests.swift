import Foundation
import NotebookFormat
import Testing

/// Two branches edit one notebook; after `quire git install`, `git merge` uses quire's merge
/// driver: edits to different cells merge cleanly, edits to the same lines leave a valid
/// notebook with marked conflicts and git reporting the conflict.
@Suite(.serialized) struct GitMergeEndToEndTests {
    static let base = """
        {
         "cells": [
          {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Model\\n", "Notes."]},
          {"cell_type": "code", "execution_count": 1, "id": "load", "metadata": {}, "outputs": [],
           "source": ["data = load('train.csv')\\n", "data.head()"]},
          {"cell_type": "code", "execution_count": 2, "id": "fit", "metadata": {}, "outputs": [],
           "source": ["model = fit(data, rate=0.1)\\n", "score(model)"]}
         ],
         "metadata": {},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """

    func makeBranches(local: (String) -> String, remote: (String) -> String) throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.initRepository()
        #expect(try sandbox.quire("git", "install").status == 0)
        try sandbox.write(Self.base, to: "nb.ipynb")
        try sandbox.git("add", "nb.ipynb")
        try sandbox.git("commit", "-q", "-m", "base")
        try sandbox.git("checkout", "-q", "-b", "feature")
        try sandbox.write(remote(Self.base), to: "nb.ipynb")
        try sandbox.git("commit", "-q", "-am", "remote edit")
        try sandbox.git("checkout", "-q", "-")
        try sandbox.write(local(Self.base), to: "nb.ipynb")
        try sandbox.git("commit", "-q", "-am", "local edit")
        return sandbox
    }

    func notebook(in sandbox: GitSandbox) throws -> Notebook {
        try NotebookReader.read(try #require(sandbox.bytes(sandbox.repo + "/nb.ipynb")))
    }

    @Test func editsToDifferentCellsMergeCleanly() throws {
        let sandbox = try makeBranches(
            local: { $0.replacingOccurrences(of: "rate=0.1", with: "rate=0.05") },
            remote: { $0.replacingOccurrences(of: "train.csv", with: "train-2024.csv") })
        defer { sandbox.remove() }
        let merge = try sandbox.run(["git", "merge", "-q", "--no-edit", "feature"])
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        let sources = try notebook(in: sandbox).cells.map(\.source)
        #expect(sources == ["# Model\nNotes.", "data = load('train-2024.csv')\ndata.head()", "model = fit(data, rate=0.05)\nscore(model)"])
        #expect(try sandbox.git("status", "--porcelain").stdout == "")
    }

    @Test func editsToTheSameLinesLeaveAValidNotebookWithMarkedConflicts() throws {
        let sandbox = try makeBranches(
            local: { $0.replacingOccurrences(of: "rate=0.1", with: "rate=0.05") },
            remote: { $0.replacingOccurrences(of: "rate=0.1", with: "rate=0.2") })
        defer { sandbox.remove() }
        let merge = try sandbox.run(["git", "merge", "--no-edit", "feature"])
        #expect(merge.status != 0, "git reports the conflict")
        #expect(merge.stdout.contains("CONFLICT"))
        #expect(try sandbox.git("status", "--porcelain").stdout == "UU nb.ipynb\n")
        let validation = try sandbox.quire("validate", "nb.ipynb", in: sandbox.repo)
        #expect(validation.status == 0, "the merged notebook is valid: \(validation.stdout)")
        let fit = try #require(try notebook(in: sandbox).cells.first { $0.id == "fit" })
        #expect(fit.source.contains("<<<<<<< local\nmodel = fit(data, rate=0.05)\n=======\nmodel = fit(data, rate=0.2)\n>>>>>>> remote"))
        let conflicts = try sandbox.quire("conflicts", "nb.ipynb", in: sandbox.repo)
        #expect(conflicts.status == 1)
        #expect(conflicts.stdout.contains("id fit"), "\(conflicts.stdout)")
    }

    @Test func uninstallRemovesTheDrivers() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        #expect(try sandbox.quire("git", "install").status == 0)
        #expect(try sandbox.git("config", "merge.quire.driver").stdout == "quire git merge-driver %O %A %B %L %P\n")
        #expect(try sandbox.git("config", "diff.quire.command").stdout == "quire git diff-driver\n")
        #expect(try sandbox.quire("git", "uninstall").status == 0)
        #expect(try sandbox.run(["git", "config", "--get-regexp", "^(merge|diff)\\.quire\\."]).stdout == "")
    }
}
