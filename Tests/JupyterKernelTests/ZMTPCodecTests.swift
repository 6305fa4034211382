import Testing
@testable import JupyterKernel

/// Wire bytes from RFC 23/37 and from libzmq 4.3.5 as the reference (§1.2–1.5) recorded them.
@Suite("ZMTP codec")
struct ZMTPCodecTests {
    @Test func greetingIsSixtyFourBytesWithNullMechanism() {
        let bytes = ZMTPGreeting().bytes
        #expect(bytes.count == 64)
        #expect(Array(bytes[0..<12]) == [0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0x7F, 3, 1])
        #expect(Array(bytes[12..<16]) == Array("NULL".utf8))
        #expect(bytes[16..<64].allSatisfy { $0 == 0 })
    }

    @Test func libzmqGreetingWithPaddingOneParses() throws {
        // libzmq sends 00…01 as padding (a ZMTP 1.0 length); it must not be validated.
        var bytes: [UInt8] = [0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, 1] + Array("NULL".utf8)
        bytes += [UInt8](repeating: 0, count: 64 - bytes.count)
        let greeting = try ZMTPGreeting.parse(bytes)
        #expect(greeting == ZMTPGreeting(major: 3, minor: 1, mechanism: "NULL", asServer: false))
    }

    @Test func olderThanThreeIsRefused() {
        var bytes = ZMTPGreeting().bytes
        bytes[10] = 2
        #expect(throws: ZMTPError.self) { try ZMTPGreeting.parse(bytes) }
        #expect(throws: ZMTPError.self) { try ZMTPGreeting.parse([0x00] + Array(bytes.dropFirst())) }
    }

    @Test func readyMatchesTheRFCExample() throws {
        // 23/ZMTP's worked example: a DEALER with an empty identity, 43 bytes on the wire.
        let expected: [UInt8] = [0x04, 0x29, 0x05] + Array("READY".utf8) + [0x0B] + Array("Socket-Type".utf8)
            + [0, 0, 0, 6] + Array("DEALER".utf8) + [0x08] + Array("Identity".utf8) + [0, 0, 0, 0]
        let ready = ZMTPCommand.ready([("Socket-Type", Array("DEALER".utf8)), ("Identity", [])])
        #expect(ready.frame.bytes == expected)
        #expect(expected.count == 43)
        var decoder = ZMTPFrameDecoder()
        decoder.append(expected)
        let frame = try #require(try decoder.next())
        #expect(frame.isCommand && !frame.hasMore)
        let command = try ZMTPCommand(frame: frame)
        #expect(command.name == "READY")
        #expect(command.property("socket-type") == Array("DEALER".utf8))
        #expect(command.property("IDENTITY") == [])
    }

    @Test(arguments: [0, 1, 255, 256, 70_000])
    func framesUseLongSizesFrom256Bytes(size: Int) throws {
        let body = (0..<size).map { UInt8(truncatingIfNeeded: $0) }
        let bytes = ZMTPFrame(body: body, hasMore: true).bytes
        if size > 255 {
            #expect(bytes[0] == 0x03)
            let encoded = bytes[1...8].reduce(0) { $0 << 8 | Int($1) }
            #expect(encoded == size)
            #expect(bytes.count == 9 + size)
        } else {
            #expect(bytes[0] == 0x01 && Int(bytes[1]) == size && bytes.count == 2 + size)
        }
        var decoder = ZMTPFrameDecoder()
        decoder.append(bytes)
        #expect(try decoder.next() == ZMTPFrame(body: body, hasMore: true))
        #expect(try decoder.next() == nil)
    }

    @Test func longFlagIsAcceptedOnSmallFrames() throws {
        var decoder = ZMTPFrameDecoder()
        decoder.append([0x02, 0, 0, 0, 0, 0, 0, 0, 2, 0x41, 0x42])
        #expect(try decoder.next() == ZMTPFrame(body: [0x41, 0x42]))
    }

    @Test func decoderFedOneByteAtATime() throws {
        let message = ZMTPFrame.message([Array("<IDS|MSG>".utf8), [], [UInt8](repeating: 7, count: 300)])
            + ZMTPCommand(name: "PING", data: [0, 10]).frame.bytes
        var decoder = ZMTPFrameDecoder()
        var frames: [ZMTPFrame] = []
        for byte in message {
            decoder.append([byte])
            while let frame = try decoder.next() { frames.append(frame) }
        }
        #expect(frames.map(\.body.count) == [9, 0, 300, 7])
        #expect(frames.map(\.hasMore) == [true, true, false, false])
        #expect(frames[3].isCommand)
        #expect(try ZMTPCommand(frame: frames[3]).name == "PING")
    }

    @Test func reservedFlagBitsAreAnError() {
        var decoder = ZMTPFrameDecoder()
        decoder.append([0x08, 0])
        #expect(throws: ZMTPError.self) { try decoder.next() }
    }

    @Test func subscribeCommandAndMessageBytes() {
        // 3.1: the SUBSCRIBE command with an empty topic; 3.0: a message 0x01 + topic.
        #expect(ZMTPCommand(name: "SUBSCRIBE").frame.bytes == [0x04, 0x0A, 0x09] + Array("SUBSCRIBE".utf8))
        #expect(ZMTPFrame(body: [1]).bytes == [0x00, 0x01, 0x01])
    }
}
