import GitIntegration
import Testing

@Suite struct GitPktLineTests {
    private func encode(_ build: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        build(&out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func textPacketHasHexLengthIncludingHeaderAndNewline() {
        #expect(encode { PktLine.appendText("hello", to: &$0) } == "000ahello\n")
        #expect(encode { PktLine.appendText("git-filter-server", to: &$0) } == "0016git-filter-server\n")
    }

    @Test func flushIsFourZeros() {
        #expect(encode { PktLine.appendFlush(to: &$0) } == "0000")
    }

    @Test func emptyContentWritesNoPackets() {
        #expect(encode { PktLine.appendContent([], to: &$0) } == "")
    }

    @Test func largeContentIsSplitAtTheMaximumPayload() throws {
        let content = (0..<(PktLine.maxPayload * 2 + 10)).map { UInt8(truncatingIfNeeded: $0) }
        var out: [UInt8] = []
        PktLine.appendContent(content, to: &out)
        #expect(out.count == content.count + 3 * 4)
        #expect(String(decoding: out[0..<4], as: UTF8.self) == "fff0")
        #expect(String(decoding: out[65520..<65524], as: UTF8.self) == "fff0")
        #expect(String(decoding: out[131040..<131044], as: UTF8.self) == "000e")

        PktLine.appendFlush(to: &out)
        var reader = PktLineReader(BufferSource(out, chunkSize: 4097))
        #expect(try reader.readContent() == content)
        #expect(try reader.next() == nil)
    }

    @Test(arguments: [1, 3, 7, 1 << 16])
    func packetsSurviveAnyReadSize(chunkSize: Int) throws {
        var out: [UInt8] = []
        PktLine.appendText("command=clean", to: &out)
        PktLine.appendText("pathname=a b/ü.ipynb", to: &out)
        PktLine.appendFlush(to: &out)
        PktLine.appendContent(Array(repeating: 42, count: 70_000), to: &out)
        PktLine.appendFlush(to: &out)
        var reader = PktLineReader(BufferSource(out, chunkSize: chunkSize))
        #expect(try reader.readTextList() == ["command=clean", "pathname=a b/ü.ipynb"])
        #expect(try reader.readContent() == Array(repeating: 42, count: 70_000))
        #expect(try reader.readTextList() == nil)
    }

    @Test func uppercaseHexAndEmptyPacketsAreRead() throws {
        var reader = PktLineReader(BufferSource(Array("0004000Aabcdef0000".utf8)))
        #expect(try reader.next() == .data([]))
        #expect(try reader.next() == .data(Array("abcdef".utf8)))
        #expect(try reader.next() == .flush)
        #expect(try reader.next() == nil)
    }

    @Test(arguments: ["zz12", "0001", "0002", "0003", "fff1abc"])
    func invalidLengthsAreMalformed(input: String) {
        var reader = PktLineReader(BufferSource(Array(input.utf8)))
        do {
            _ = try reader.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformed)
        }
    }

    @Test(arguments: ["00", "0010abc", "0008ab"])
    func inputEndingInsideAPacketIsAClosedPipe(input: String) {
        var reader = PktLineReader(BufferSource(Array(input.utf8)))
        do {
            _ = try reader.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .closed)
        }
    }

    @Test func contentWithoutFlushIsAClosedPipe() {
        var reader = PktLineReader(BufferSource(Array("0008abcd".utf8)))
        do {
            _ = try reader.readContent()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .closed)
        }
    }
}
