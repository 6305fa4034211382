import GitIntegration
import NotebookFormat
import Testing

/// Drives the long-running filter in memory, playing git's side of the conversation.
@Suite struct GitFilterProcessTests {
    struct Reply: Equatable {
        var status: [String]
        var content: [UInt8]
        var trailer: [String]
    }

    /// What git sends to start: welcome, versions, capabilities.
    static func gitHandshake(capabilities: [String] = ["clean", "smudge", "delay"]) -> [UInt8] {
        var out: [UInt8] = []
        PktLine.appendText("git-filter-client", to: &out)
        PktLine.appendText("version=2", to: &out)
        PktLine.appendFlush(to: &out)
        for capability in capabilities { PktLine.appendText("capability=" + capability, to: &out) }
        PktLine.appendFlush(to: &out)
        return out
    }

    static func gitCommand(_ command: String, _ path: String, _ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        PktLine.appendText("command=" + command, to: &out)
        PktLine.appendText("pathname=" + path, to: &out)
        PktLine.appendText("can-delay=1", to: &out)
        PktLine.appendFlush(to: &out)
        PktLine.appendContent(content, to: &out)
        PktLine.appendFlush(to: &out)
        return out
    }

    /// Runs a whole conversation; returns the server's replies after the handshake, its
    /// warnings and the server itself.
    static func converse(
        _ commands: [(String, String, [UInt8])], chunkSize: Int = 1 << 16
    ) throws -> (replies: [Reply], warnings: [String], writes: Int) {
        var input = gitHandshake()
        for (command, path, content) in commands { input += gitCommand(command, path, content) }
        var warnings: [String] = []
        var server = FilterProcessServer(
            source: BufferSource(input, chunkSize: chunkSize), sink: BufferSink(),
            filter: NotebookFilter(options: CleanOptions()), warn: { warnings.append($0) })
        try server.run()

        var reader = PktLineReader(BufferSource(server.sink.bytes))
        #expect(try reader.readTextList() == ["git-filter-server", "version=2"])
        #expect(try reader.readTextList() == ["capability=clean", "capability=smudge"])
        var replies: [Reply] = []
        while let status = try reader.readTextList() {
            var reply = Reply(status: status, content: [], trailer: [])
            if status == ["status=success"] {
                reply.content = try reader.readContent()
                reply.trailer = try #require(try reader.readTextList())
            }
            replies.append(reply)
        }
        return (replies, warnings, server.sink.writeCount)
    }

    @Test func handshakeAnswersServerVersionAndTheOfferedCapabilities() throws {
        var server = FilterProcessServer(
            source: BufferSource(Self.gitHandshake(capabilities: ["clean", "delay"])), sink: BufferSink(),
            filter: NotebookFilter(options: CleanOptions()), warn: { _ in })
        try server.run()
        #expect(String(decoding: server.sink.bytes, as: UTF8.self) == "0016git-filter-server\n000eversion=2\n00000015capability=clean\n0000")
        #expect(server.capabilities == ["clean"])
    }

    @Test func aClientThatIsNotGitIsRefused() {
        var input: [UInt8] = []
        PktLine.appendText("hello", to: &input)
        PktLine.appendFlush(to: &input)
        var server = FilterProcessServer(
            source: BufferSource(input), sink: BufferSink(), filter: NotebookFilter(options: CleanOptions()), warn: { _ in })
        do {
            try server.run()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.description.contains("git-filter-client"))
        }
    }

    @Test func cleanStripsOutputsLikeTheCleaner() throws {
        let notebook = Array(GitFixtures.notebookWithOutputs.utf8)
        let (replies, warnings, writes) = try Self.converse([("clean", "nb.ipynb", notebook)])
        let expected = try GitFixtures.cleaned(GitFixtures.notebookWithOutputs)
        #expect(replies == [Reply(status: ["status=success"], content: expected, trailer: [])])
        #expect(!String(decoding: expected, as: UTF8.self).contains("hello from the output"))
        #expect(warnings.isEmpty)
        #expect(writes == 3, "one write per handshake step and one per file")
    }

    @Test(arguments: [1 << 16, 1000, 7])
    func filesLargerThanOnePacketRoundTrip(chunkSize: Int) throws {
        // Big output (dropped) and a big source (kept): both directions span several packets.
        let text = GitFixtures.largeNotebook(outputSize: 150_000, sourceSize: 140_000)
        let (replies, warnings, _) = try Self.converse(
            [("clean", "big.ipynb", Array(text.utf8)), ("smudge", "big.ipynb", Array(text.utf8))], chunkSize: chunkSize)
        let expected = try GitFixtures.cleaned(text)
        #expect(expected.count > 2 * PktLine.maxPayload)
        #expect(replies.count == 2)
        #expect(replies.first?.content == expected)
        #expect(replies.last?.content == Array(text.utf8))
        #expect(warnings.isEmpty)
    }

    @Test func anUnreadableNotebookPassesThroughWithAWarning() throws {
        let broken = Array("{\"cells\": [".utf8)
        let (replies, warnings, _) = try Self.converse([("clean", "dir/bad.ipynb", broken)])
        #expect(replies == [Reply(status: ["status=success"], content: broken, trailer: [])])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("quire: warning: dir/bad.ipynb:") == true)
        #expect(warnings.first?.hasSuffix("; committed unchanged") == true)
    }

    @Test func smudgeIsTheIdentity() throws {
        let notebook = Array(GitFixtures.notebookWithOutputs.utf8)
        let junk: [UInt8] = [0, 255, 10, 13]
        let (replies, warnings, _) = try Self.converse([("smudge", "nb.ipynb", notebook), ("smudge", "x.ipynb", junk)])
        #expect(replies.map(\.content) == [notebook, junk])
        #expect(warnings.isEmpty)
    }

    @Test func filesThatAreNotNotebooksPassThroughSilently() throws {
        let notebook = Array(GitFixtures.notebookWithOutputs.utf8)
        let (replies, warnings, _) = try Self.converse([("clean", "nb.json", notebook), ("clean", "empty.txt", [])])
        #expect(replies.map(\.content) == [notebook, []])
        #expect(warnings.isEmpty)
    }

    @Test func anEmptyNotebookFileIsCommittedUnchangedWithAWarning() throws {
        let (replies, warnings, _) = try Self.converse([("clean", "new.ipynb", [])])
        #expect(replies == [Reply(status: ["status=success"], content: [], trailer: [])])
        #expect(warnings.count == 1)
    }

    @Test func anUnknownCommandGetsAnErrorStatusAndTheLoopGoesOn() throws {
        var input = Self.gitHandshake()
        PktLine.appendText("command=list_available_blobs", to: &input)
        PktLine.appendFlush(to: &input)
        input += Self.gitCommand("smudge", "nb.ipynb", Array("x".utf8))
        var server = FilterProcessServer(
            source: BufferSource(input), sink: BufferSink(), filter: NotebookFilter(options: CleanOptions()), warn: { _ in })
        try server.run()
        #expect(server.filesServed == 2)
        #expect(String(decoding: server.sink.bytes, as: UTF8.self).hasSuffix("0011status=error\n00000013status=success\n00000005x00000000"))
    }

    @Test func gitClosingThePipeMidFileIsAClosedError() {
        var input = Self.gitHandshake()
        input += Self.gitCommand("clean", "nb.ipynb", Array(GitFixtures.notebookWithOutputs.utf8)).dropLast(10)
        var server = FilterProcessServer(
            source: BufferSource(input), sink: BufferSink(), filter: NotebookFilter(options: CleanOptions()), warn: { _ in })
        do {
            try server.run()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .closed)
        }
    }

    @Test func theProcessFilterAndThePerFileFilterGiveTheSameBytes() throws {
        let filter = NotebookFilter(options: CleanOptions())
        for (path, text) in [("nb.ipynb", GitFixtures.notebookWithOutputs), ("bad.ipynb", "{"), ("a.txt", "text")] {
            let (replies, _, _) = try Self.converse([("clean", path, Array(text.utf8))])
            #expect(replies.first?.content == filter.clean(Array(text.utf8), path: path).output)
        }
    }
}
