/// The client end of one ZMTP 3.x connection with the NULL mechanism, in one of the three roles
/// a Jupyter client needs: DEALER (shell, control, stdin), SUB (iopub), REQ (heartbeat).
public final class ZMTPSocket {
    public enum SocketType: String, Sendable {
        case dealer = "DEALER"
        case sub = "SUB"
        case req = "REQ"
    }

    public let type: SocketType
    public let stream: TCPStream
    /// The version both sides speak: min(ours, theirs).
    public private(set) var minorVersion: UInt8 = 1
    public private(set) var peerProperties: [(name: String, value: [UInt8])] = []
    private var decoder = ZMTPFrameDecoder()
    private var pending: [[[UInt8]]] = []
    private var isAtEnd = false

    public var fd: Int32 { stream.fd }

    public init(type: SocketType, stream: TCPStream) {
        self.type = type
        self.stream = stream
    }

    /// Connects and does the whole handshake (greeting written first, since libzmq holds back
    /// its version bytes until it has read ours; then READY both ways; SUB subscribes to all).
    public static func connect(
        _ type: SocketType, host: String = "127.0.0.1", port: UInt16, identity: [UInt8]? = nil, timeout: Double = 10
    ) throws(ZMTPError) -> ZMTPSocket {
        let socket = ZMTPSocket(type: type, stream: try TCPStream.connect(host: host, port: port, timeout: timeout))
        try socket.handshake(identity: identity, deadline: MonotonicClock.now + timeout)
        return socket
    }

    func handshake(identity: [UInt8]?, deadline: Double) throws(ZMTPError) {
        try stream.write(ZMTPGreeting().bytes, deadline: deadline)
        var greetingBytes: [UInt8]? = nil
        while greetingBytes == nil {
            try fill(until: deadline, what: "the ZMTP greeting")
            greetingBytes = decoder.take(ZMTPGreeting.size)
        }
        let greeting = try ZMTPGreeting.parse(greetingBytes ?? [])
        guard greeting.mechanism == "NULL" else { throw ZMTPError("the peer wants the \(greeting.mechanism) mechanism; only NULL is supported") }
        minorVersion = greeting.major > 3 ? 1 : min(1, greeting.minor)
        var properties: [(String, [UInt8])] = [("Socket-Type", Array(type.rawValue.utf8))]
        if type != .sub { properties.append(("Identity", identity ?? [])) }
        try stream.write(ZMTPCommand.ready(properties).frame.bytes, deadline: deadline)
        var frame: ZMTPFrame? = nil
        while frame == nil {
            frame = try decoder.next()
            if frame == nil { try fill(until: deadline, what: "the peer's READY") }
        }
        guard let frame, frame.isCommand else { throw ZMTPError("the peer sent a message before READY") }
        let command = try ZMTPCommand(frame: frame)
        if command.name == "ERROR" { throw ZMTPError("the peer refused the connection: \(Self.errorReason(command))") }
        guard command.name == "READY" else { throw ZMTPError("expected READY, got \(command.name)") }
        peerProperties = try command.properties()
        if type == .sub { try subscribe(to: []) }
    }

    /// Subscribes to a topic prefix: the SUBSCRIBE command in 3.1, a message `0x01 + topic` in 3.0.
    public func subscribe(to topic: [UInt8]) throws(ZMTPError) {
        if minorVersion >= 1 {
            try stream.write(ZMTPCommand(name: "SUBSCRIBE", data: topic).frame.bytes)
        } else {
            try stream.write(ZMTPFrame(body: [1] + topic).bytes)
        }
    }

    /// Sends one multipart message; REQ puts the empty delimiter frame first.
    public func send(_ parts: [[UInt8]]) throws(ZMTPError) {
        try stream.write(ZMTPFrame.message(type == .req ? [[]] + parts : parts))
    }

    /// Reads whatever the socket holds now and decodes it. Call when poll() says readable.
    /// Throws when the peer closed the connection (for a kernel: it died).
    public func pump() throws(ZMTPError) {
        guard let bytes = try stream.readAvailable() else {
            isAtEnd = true
            throw ZMTPError("the kernel closed the connection")
        }
        decoder.append(bytes)
        while let frame = try decoder.next() {
            if frame.isCommand {
                try handle(ZMTPCommand(frame: frame))
                continue
            }
            partial.append(frame.body)
            if !frame.hasMore {
                if type == .req, partial.first?.isEmpty == true { partial.removeFirst() }
                pending.append(partial)
                partial = []
            }
        }
    }

    /// Frames of a message whose last frame has not arrived yet.
    private var partial: [[UInt8]] = []

    /// The next complete message received, if any.
    public func nextMessage() -> [[UInt8]]? {
        guard !pending.isEmpty else { return nil }
        return pending.removeFirst()
    }

    /// Waits for one message (handshakes, heartbeat).
    public func receive(until deadline: Double) throws(ZMTPError) -> [[UInt8]]? {
        while true {
            if let message = nextMessage() { return message }
            guard stream.wait(until: deadline) else { return nil }
            try pump()
        }
    }

    private func handle(_ command: ZMTPCommand) throws(ZMTPError) {
        switch command.name {
        case "PING":
            // PONG echoes the context that follows the 2-byte TTL.
            try stream.write(ZMTPCommand(name: "PONG", data: Array(command.data.dropFirst(2))).frame.bytes)
        case "ERROR":
            throw ZMTPError("the kernel sent ERROR: \(Self.errorReason(command))")
        default:
            break  // PONG, SUBSCRIBE echoes, unknown commands: nothing to do
        }
    }

    private func fill(until deadline: Double, what: String) throws(ZMTPError) {
        guard stream.wait(until: deadline) else { throw ZMTPError("timed out waiting for \(what)") }
        guard let bytes = try stream.readAvailable() else { throw ZMTPError("the peer closed the connection during \(what)") }
        decoder.append(bytes)
    }

    private static func errorReason(_ command: ZMTPCommand) -> String {
        guard let length = command.data.first else { return "" }
        return String(decoding: command.data.dropFirst().prefix(Int(length)), as: UTF8.self)
    }

    public func close() { stream.close() }
}
