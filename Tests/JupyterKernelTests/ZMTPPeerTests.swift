import Foundation
import Testing
@testable import JupyterKernel

/// ZMTPSocket against a scripted peer on a loopback port that behaves as libzmq does: it sends
/// only 10 greeting bytes until it has read 11 of ours, answers READY, pings, and splits frames.
@Suite("ZMTP against a scripted peer")
struct ZMTPPeerTests {
    /// A one-connection TCP server whose script runs on its own thread.
    final class Peer: @unchecked Sendable {
        let listener: Int32
        let port: UInt16
        private let done = DispatchSemaphore(value: 0)
        private(set) var received: [UInt8] = []
        private(set) var failure: String?

        init(script: @escaping @Sendable (Peer, Int32) throws -> Void) throws {
            let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, length) == 0 && getsockname(listening, $0, &length) == 0 }
            }
            listener = listening
            port = UInt16(bigEndian: address.sin_port)
            listen(listening, 1)
            let thread = Thread { [self] in
                let fd = accept(listener, nil, nil)
                do { try script(self, fd) } catch { failure = "\(error)" }
                close(fd)
                done.signal()
            }
            thread.start()
        }

        func read(_ fd: Int32, _ count: Int) throws -> [UInt8] {
            var out: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: count)
            while out.count < count {
                let n = recv(fd, &buffer, count - out.count, 0)
                guard n > 0 else { throw ZMTPError("peer: connection closed after \(out.count) bytes") }
                out += buffer[0..<n]
            }
            received += out
            return out
        }

        func write(_ fd: Int32, _ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        }

        func readFrame(_ fd: Int32) throws -> ZMTPFrame {
            let head = try read(fd, 2)
            var size = Int(head[1])
            if head[0] & ZMTPFrame.long != 0 {
                size = try (Array(head[1...]) + read(fd, 7)).reduce(0) { $0 << 8 | Int($1) }
            }
            return ZMTPFrame(body: try read(fd, size), hasMore: head[0] & 1 != 0, isCommand: head[0] & 4 != 0)
        }

        func finish() -> String? {
            done.wait()
            close(listener)
            return failure
        }
    }

    static func libzmqGreeting(minor: UInt8) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, minor] + Array("NULL".utf8)
        return bytes + [UInt8](repeating: 0, count: 64 - bytes.count)
    }

    @Test func handshakeWithTrickledGreetingPingAndSplitMessage() async throws {
        let peer = try Peer { peer, fd in
            let greeting = Self.libzmqGreeting(minor: 1)
            peer.write(fd, Array(greeting[0..<10]))        // libzmq: 10 bytes, then waits for ours
            _ = try peer.read(fd, 11)
            peer.write(fd, Array(greeting[10...]))
            _ = try peer.read(fd, 53)
            let ready = try ZMTPCommand(frame: try peer.readFrame(fd))
            guard ready.name == "READY", ready.property("Socket-Type") == Array("DEALER".utf8),
                  ready.property("Identity") == Array("me".utf8) else { throw ZMTPError("bad READY") }
            peer.write(fd, ZMTPCommand.ready([("Socket-Type", Array("ROUTER".utf8)), ("Identity", [])]).frame.bytes)
            // A PING between frames, then a two-part message in small pieces.
            peer.write(fd, ZMTPCommand(name: "PING", data: [0, 10] + Array("ctx".utf8)).frame.bytes)
            let message = ZMTPFrame.message([Array("a".utf8), [UInt8](repeating: 9, count: 300)])
            for chunk in stride(from: 0, to: message.count, by: 7) {
                peer.write(fd, Array(message[chunk..<min(chunk + 7, message.count)]))
                usleep(200)
            }
            let pong = try ZMTPCommand(frame: try peer.readFrame(fd))
            guard pong.name == "PONG", pong.data == Array("ctx".utf8) else { throw ZMTPError("bad PONG \(pong)") }
            let reply = try peer.readFrame(fd)
            guard reply.body == Array("sent".utf8), !reply.hasMore else { throw ZMTPError("bad message") }
        }
        let received = try await Task.detached { () throws -> [[UInt8]]? in
            let socket = try ZMTPSocket.connect(.dealer, port: peer.port, identity: Array("me".utf8), timeout: 5)
            defer { socket.close() }
            let message = try socket.receive(until: MonotonicClock.now + 5)
            try socket.send([Array("sent".utf8)])
            return message
        }.value
        #expect(peer.finish() == nil)
        #expect(received == [Array("a".utf8), [UInt8](repeating: 9, count: 300)])
        #expect(Array(peer.received[0..<12]) == Array(ZMTPGreeting().bytes[0..<12]))
    }

    @Test func subToAThreeZeroPeerSubscribesWithAMessage() async throws {
        let peer = try Peer { peer, fd in
            peer.write(fd, Self.libzmqGreeting(minor: 0))
            _ = try peer.read(fd, 64)
            let ready = try ZMTPCommand(frame: try peer.readFrame(fd))
            guard ready.property("Socket-Type") == Array("SUB".utf8), ready.property("Identity") == nil else { throw ZMTPError("bad READY") }
            peer.write(fd, ZMTPCommand.ready([("Socket-Type", Array("XPUB".utf8))]).frame.bytes)
            let subscription = try peer.readFrame(fd)
            guard !subscription.isCommand, subscription.body == [1] else { throw ZMTPError("expected a 3.0 subscription message") }
        }
        let version = try await Task.detached { () throws -> UInt8 in
            let socket = try ZMTPSocket.connect(.sub, port: peer.port, timeout: 5)
            defer { socket.close() }
            usleep(100_000)
            return socket.minorVersion
        }.value
        #expect(peer.finish() == nil)
        #expect(version == 0)
    }

    @Test func errorCommandAndOtherMechanismsAreRefused() async throws {
        let peer = try Peer { peer, fd in
            peer.write(fd, Self.libzmqGreeting(minor: 1))
            _ = try peer.read(fd, 64)
            _ = try peer.readFrame(fd)
            peer.write(fd, ZMTPCommand(name: "ERROR", data: [7] + Array("go away".utf8)).frame.bytes)
        }
        let error = await #expect(throws: ZMTPError.self) {
            try await Task.detached { _ = try ZMTPSocket.connect(.dealer, port: peer.port, timeout: 5) }.value
        }
        #expect(error?.message.contains("go away") == true)
        _ = peer.finish()
        let curve = try Peer { peer, fd in
            var greeting = Self.libzmqGreeting(minor: 1)
            greeting.replaceSubrange(12..<17, with: Array("CURVE".utf8))
            peer.write(fd, greeting)
            _ = try? peer.read(fd, 64)
        }
        await #expect(throws: ZMTPError.self) {
            try await Task.detached { _ = try ZMTPSocket.connect(.dealer, port: curve.port, timeout: 5) }.value
        }
        _ = curve.finish()
    }
}
