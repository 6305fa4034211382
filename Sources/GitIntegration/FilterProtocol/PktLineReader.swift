/// One pkt-line packet.
public enum Packet: Sendable, Equatable {
    case flush
    case data([UInt8])
}

/// Reads pkt-line packets from a byte source through one reusable buffer, so a large file
/// arrives in a few big reads rather than one read per packet.
public struct PktLineReader<Source: ByteSource> {
    private var source: Source
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var sourceEnded = false

    /// The buffer holds at least one whole packet (65520 bytes).
    public init(_ source: Source, bufferSize: Int = 1 << 17) {
        self.source = source
        self.buffer = [UInt8](repeating: 0, count: max(bufferSize, PktLine.maxPayload + 4))
    }

    /// The next packet, or nil when the input ends cleanly between two packets.
    public mutating func next() throws(FilterProtocolError) -> Packet? {
        guard let length = try nextLength() else { return nil }
        if length == 0 { return .flush }
        return .data(try takePayload(length - 4))
    }

    /// Text packets up to a flush, each without its trailing newline. Nil when the input ends
    /// before the first packet (git is done with us).
    public mutating func readTextList() throws(FilterProtocolError) -> [String]? {
        var lines: [String] = []
        while true {
            guard let length = try nextLength() else {
                if lines.isEmpty { return nil }
                throw FilterProtocolError(.closed, "git closed the pipe in the middle of a message")
            }
            if length == 0 { return lines }
            var payload = try takePayload(length - 4)
            if payload.last == UInt8(ascii: "\n") { payload.removeLast() }
            lines.append(String(decoding: payload, as: UTF8.self))
        }
    }

    /// Data packets up to a flush, joined into one array.
    public mutating func readContent() throws(FilterProtocolError) -> [UInt8] {
        var content: [UInt8] = []
        while true {
            guard let length = try nextLength() else {
                throw FilterProtocolError(.closed, "git closed the pipe in the middle of a file's content")
            }
            if length == 0 { return content }
            let count = length - 4
            guard try fill(count) else { throw truncated }
            content.append(contentsOf: buffer[start..<start + count])
            start += count
        }
    }

    // MARK: - Buffering

    private var truncated: FilterProtocolError {
        FilterProtocolError(.closed, "git closed the pipe in the middle of a packet")
    }

    /// Reads a packet header: 0 for a flush, else the packet length (header included, >= 4).
    private mutating func nextLength() throws(FilterProtocolError) -> Int? {
        guard try fill(4) else {
            if end > start { throw truncated }
            return nil
        }
        let header = buffer.withUnsafeBytes { raw in
            PktLine.parseHeader(UnsafeRawBufferPointer(rebasing: raw[start..<start + 4]))
        }
        guard let length = header else {
            let text = String(decoding: buffer[start..<start + 4], as: UTF8.self)
            throw FilterProtocolError(.malformed, "invalid packet length '\(text)'")
        }
        start += 4
        switch length {
        case 0: return 0
        case 1, 2: throw FilterProtocolError(.malformed, "unexpected delimiter packet (\(length))")
        case 3: throw FilterProtocolError(.malformed, "invalid packet length 3")
        case (PktLine.maxPayload + 5)...: throw FilterProtocolError(.malformed, "packet of \(length) bytes is longer than 65520")
        default: return length
        }
    }

    private mutating func takePayload(_ count: Int) throws(FilterProtocolError) -> [UInt8] {
        guard try fill(count) else { throw truncated }
        let payload = Array(buffer[start..<start + count])
        start += count
        return payload
    }

    /// Makes at least `count` bytes available from `start`; false if the input ends first.
    private mutating func fill(_ count: Int) throws(FilterProtocolError) -> Bool {
        if end - start >= count { return true }
        if buffer.count - start < count {
            // Move the unread bytes to the front to make room for a whole packet.
            let unread = end - start
            buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: unread)
            }
            start = 0
            end = unread
        }
        var storage = buffer
        buffer = []
        defer { buffer = storage }
        while end - start < count {
            if sourceEnded { return false }
            let result: Result<Int, FilterProtocolError> = storage.withUnsafeMutableBytes { raw in
                let free = UnsafeMutableRawBufferPointer(rebasing: raw[end...])
                do throws(FilterProtocolError) {
                    return .success(try source.read(into: free))
                } catch {
                    return .failure(error)
                }
            }
            let n = try result.get()
            if n == 0 { sourceEnded = true } else { end += n }
        }
        return true
    }
}
