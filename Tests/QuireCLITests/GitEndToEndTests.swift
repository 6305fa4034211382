import Foundation
import Testing

/// Runs the built quire with real git in throwaway repositories.
@Suite(.serialized) struct GitEndToEndTests {
    @Test func installCleansCommitsAndUninstallRestoresTheConfigByteForByte() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        // Unrelated settings that must survive: a config key and an attributes line without a final newline.
        try sandbox.git("config", "alias.st", "status")
        let attributesPath = sandbox.repo + "/.git/info/attributes"
        try Data("*.png binary".utf8).write(to: URL(fileURLWithPath: attributesPath))
        let configPath = sandbox.repo + "/.git/config"
        let configBefore = sandbox.bytes(configPath)
        let attributesBefore = sandbox.bytes(attributesPath)

        #expect(try sandbox.quire("git", "status").status == 1)
        let install = try sandbox.quire("git", "install")
        #expect(install.status == 0, "\(install.stderr)")
        let configInstalled = sandbox.bytes(configPath)
        let attributesInstalled = sandbox.bytes(attributesPath)
        #expect(configInstalled != configBefore)
        let again = try sandbox.quire("git", "install")
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing changed"))
        #expect(sandbox.bytes(configPath) == configInstalled, "installing twice changes nothing")
        #expect(sandbox.bytes(attributesPath) == attributesInstalled)
        let status = try sandbox.quire("git", "status")
        #expect(status.status == 0, "\(status.stdout)")
        #expect(try sandbox.git("config", "filter.quire.process").stdout == "quire git filter-process\n")
        #expect(String(decoding: attributesInstalled ?? [], as: UTF8.self) == "*.png binary\n*.ipynb filter=quire\n*.ipynb diff=quire\n*.ipynb merge=quire\n")

        try sandbox.write(GitFixtures.notebookWithOutputs, to: "nb.ipynb")
        try sandbox.git("add", "nb.ipynb")
        try sandbox.git("commit", "-q", "-m", "notebook")
        let blob = try sandbox.git("show", "HEAD:nb.ipynb")
        #expect(blob.stdoutBytes == (try GitFixtures.cleaned(GitFixtures.notebookWithOutputs)))
        #expect(!blob.stdout.contains("hello from the output"), "the committed notebook has no outputs")
        #expect(sandbox.bytes(sandbox.repo + "/nb.ipynb") == Array(GitFixtures.notebookWithOutputs.utf8), "the working copy keeps them")
        #expect(try sandbox.git("status", "--porcelain").stdout == "")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: sandbox.repo + "/nb.ipynb")
        #expect(try sandbox.git("status", "--porcelain").stdout == "", "a touched notebook is still clean")

        // git diff compares cleaned notebooks cell by cell: a source edit shows, outputs do not.
        let edited = GitFixtures.notebookWithOutputs.replacingOccurrences(of: "print('hello')", with: "print('bye')")
        try sandbox.write(edited, to: "nb.ipynb")
        let diff = try sandbox.git("diff")
        #expect(diff.stdout.contains("## cell 1 (id a1, code) modified"), "\(diff.stdout)")
        #expect(diff.stdout.contains("-print('hello')\n+print('bye')"))
        #expect(!diff.stdout.contains("hello from the output"))
        let patch = try sandbox.git("log", "-p", "-1", "--no-ext-diff")
        #expect(!patch.stdout.contains("hello from the output"), "textconv serves git log -p")

        let uninstall = try sandbox.quire("git", "uninstall")
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(sandbox.bytes(configPath) == configBefore)
        #expect(sandbox.bytes(attributesPath) == attributesBefore)
        #expect(try sandbox.quire("git", "status").status == 1)
    }

    @Test func uninstallDeletesTheAttributesFileItCreatedAndRestoresReplacedKeys() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        try sandbox.git("config", "filter.quire.required", "false")
        let configPath = sandbox.repo + "/.git/config"
        let configBefore = sandbox.bytes(configPath)
        #expect(try sandbox.quire("git", "install").status == 0)
        #expect(try sandbox.git("config", "filter.quire.required").stdout == "true\n")
        #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/info/attributes"))
        #expect(try sandbox.quire("git", "uninstall").status == 0)
        #expect(try sandbox.git("config", "filter.quire.required").stdout == "false\n")
        #expect(sandbox.bytes(configPath) == configBefore)
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/.git/info/attributes"))
        let second = try sandbox.quire("git", "uninstall")
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing to undo"))
    }

    @Test func uninstallLeavesSettingsChangedByHandAlone() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        #expect(try sandbox.quire("git", "install").status == 0)
        try sandbox.git("config", "diff.quire.textconv", "my-own-tool")
        let uninstall = try sandbox.quire("git", "uninstall")
        #expect(uninstall.status == 0)
        #expect(uninstall.stderr.contains("diff.quire.textconv"))
        #expect(try sandbox.git("config", "diff.quire.textconv").stdout == "my-own-tool\n")
        #expect(try sandbox.run(["git", "config", "filter.quire.process"]).status == 1)
    }

    @Test func attributesCanGoToTheSharedGitattributesFile() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        let sub = sandbox.repo + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        #expect(try sandbox.quire("git", "install", "--attributes", "../.gitattributes", in: sub).status == 0)
        let shared = try #require(sandbox.bytes(sandbox.repo + "/.gitattributes"))
        #expect(String(decoding: shared, as: UTF8.self) == "*.ipynb filter=quire\n*.ipynb diff=quire\n*.ipynb merge=quire\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/.git/info/attributes"))
        #expect(try sandbox.quire("git", "status", in: sub).status == 0)
        #expect(try sandbox.quire("git", "uninstall").status == 0)
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/.gitattributes"))
    }

    @Test func globalInstallUsesTheUserConfigAndUndoesItCompletely() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let install = try sandbox.quire("git", "install", "--global", in: sandbox.root)
        #expect(install.status == 0, "\(install.stderr)")
        let attributes = sandbox.home + "/.config/git/attributes"
        #expect(sandbox.bytes(attributes).map { String(decoding: $0, as: UTF8.self) } == "*.ipynb filter=quire\n*.ipynb diff=quire\n*.ipynb merge=quire\n")
        #expect(try sandbox.git("config", "--global", "filter.quire.required", in: sandbox.root).stdout == "true\n")
        #expect(try sandbox.quire("git", "status", in: sandbox.root).status == 0)

        // A new repository picks it up with no local setup.
        try sandbox.initRepository()
        try sandbox.write(GitFixtures.notebookWithOutputs, to: "nb.ipynb")
        try sandbox.git("add", "nb.ipynb")
        #expect(try sandbox.git("show", ":nb.ipynb").stdoutBytes == (try GitFixtures.cleaned(GitFixtures.notebookWithOutputs)))

        #expect(try sandbox.quire("git", "uninstall", "--global", in: sandbox.root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: attributes))
        #expect(!FileManager.default.fileExists(atPath: sandbox.home + "/.config"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.home + "/.gitconfig"))
    }

    @Test func thePerFileFilterAndTextconvGiveTheProcessFiltersBytes() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.initRepository()
        #expect(try sandbox.quire("git", "install").status == 0)
        try sandbox.write(GitFixtures.notebookWithOutputs, to: "nb.ipynb")
        try sandbox.write("{ not json", to: "bad.ipynb")
        try sandbox.git("add", "nb.ipynb", "bad.ipynb")
        for path in ["nb.ipynb", "bad.ipynb"] {
            let input = try #require(sandbox.bytes(sandbox.repo + "/" + path))
            let staged = try sandbox.git("show", ":" + path).stdoutBytes
            let perFile = try sandbox.quire("git", "clean-filter", path, stdin: String(decoding: input, as: UTF8.self))
            #expect(perFile.status == 0)
            #expect(perFile.stdoutBytes == staged)
            let textconv = try sandbox.quire("git", "textconv", path)
            #expect(textconv.status == 0)
            #expect(textconv.stdoutBytes == staged)
        }
        let bad = try sandbox.quire("git", "clean-filter", "bad.ipynb", stdin: "{ not json")
        #expect(bad.stdout == "{ not json")
        #expect(bad.stderr.hasPrefix("quire: warning: bad.ipynb:"))
        #expect(bad.stderr.contains("; committed unchanged"))
        let smudge = try sandbox.quire("git", "smudge-filter", "nb.ipynb", stdin: GitFixtures.notebookWithOutputs)
        #expect(smudge.stdout == GitFixtures.notebookWithOutputs)
    }

    @Test func outsideARepositoryInstallSaysWhatToDo() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        for command in ["install", "uninstall"] {
            let result = try sandbox.quire("git", command, in: sandbox.root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("not inside a git repository"))
            #expect(result.stderr.contains("--global"))
        }
    }

    @Test func helpExplainsTheCommandsWithExamples() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let help = try sandbox.quire("git", "--help")
        #expect(help.status == 0)
        for text in ["install", "uninstall", "status", "quire git install --global", "Examples:"] {
            #expect(help.stdout.contains(text))
        }
        #expect(!help.stdout.contains("filter-process"))
    }
}
