/// One ZMTP frame: flags (MORE, LONG, COMMAND) and a body. Messages are runs of frames with MORE
/// set on all but the last; commands are single frames.
public struct ZMTPFrame: Sendable, Equatable {
    public static let more: UInt8 = 0x01
    public static let long: UInt8 = 0x02
    public static let command: UInt8 = 0x04

    public var body: [UInt8]
    public var hasMore: Bool
    public var isCommand: Bool

    public init(body: [UInt8], hasMore: Bool = false, isCommand: Bool = false) {
        self.body = body
        self.hasMore = hasMore
        self.isCommand = isCommand
    }

    /// Flags byte, then a 1-byte size, or LONG and an 8-byte big-endian size for 256 bytes and more.
    public func encode(into out: inout [UInt8]) {
        var flags: UInt8 = (hasMore ? Self.more : 0) | (isCommand ? Self.command : 0)
        if body.count > 255 {
            flags |= Self.long
            out.append(flags)
            let size = UInt64(body.count)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: size >> UInt64(shift))) }
        } else {
            out.append(flags)
            out.append(UInt8(body.count))
        }
        out += body
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    /// Encodes a whole message: MORE on every frame but the last.
    public static func message(_ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in parts.enumerated() {
            ZMTPFrame(body: part, hasMore: index < parts.count - 1).encode(into: &out)
        }
        return out
    }
}

/// Cuts frames out of a byte stream that arrives in pieces of any size.
public struct ZMTPFrameDecoder: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    /// Frames above this size are refused instead of allocating whatever a peer announces.
    public var maximumFrameSize = 1 << 31

    public init() {}

    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Takes `count` raw bytes (the greeting) when that many have arrived.
    public mutating func take(_ count: Int) -> [UInt8]? {
        guard buffer.count - start >= count else { return nil }
        let out = Array(buffer[start..<start + count])
        start += count
        compact()
        return out
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() throws(ZMTPError) -> ZMTPFrame? {
        let available = buffer.count - start
        guard available >= 2 else { return nil }
        let flags = buffer[start]
        guard flags & 0xF8 == 0 else { throw ZMTPError("bad frame flags 0x\(String(flags, radix: 16))") }
        var headerSize = 2
        var size = Int(buffer[start + 1])
        if flags & ZMTPFrame.long != 0 {
            headerSize = 9
            guard available >= 9 else { return nil }
            var long: UInt64 = 0
            for i in 1...8 { long = long << 8 | UInt64(buffer[start + i]) }
            guard long <= UInt64(maximumFrameSize) else { throw ZMTPError("frame of \(long) bytes is too large") }
            size = Int(long)
        }
        guard available >= headerSize + size else { return nil }
        let body = Array(buffer[(start + headerSize)..<(start + headerSize + size)])
        start += headerSize + size
        compact()
        return ZMTPFrame(body: body, hasMore: flags & ZMTPFrame.more != 0, isCommand: flags & ZMTPFrame.command != 0)
    }

    /// Drops consumed bytes once they outweigh what is left, so appends stay amortised O(1).
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65536 && start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
