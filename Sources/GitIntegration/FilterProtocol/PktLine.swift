/// git's pkt-line framing: four lowercase hex digits giving the packet length (header
/// included), then the payload; `0000` is a flush packet that ends a list or a content stream.
public enum PktLine {
    /// The largest payload one packet may carry (65520 bytes minus the 4-byte header).
    public static let maxPayload = 65516
    public static let flushPacket: [UInt8] = Array("0000".utf8)

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends one data packet. The payload must be 1...`maxPayload` bytes.
    public static func appendPacket(_ payload: ArraySlice<UInt8>, to out: inout [UInt8]) {
        precondition(!payload.isEmpty && payload.count <= maxPayload, "pkt-line payload out of range")
        appendHeader(payload.count + 4, to: &out)
        out.append(contentsOf: payload)
    }

    /// Appends a text packet: the line and a newline, as git writes them.
    public static func appendText(_ line: String, to out: inout [UInt8]) {
        var payload = Array(line.utf8)
        payload.append(UInt8(ascii: "\n"))
        appendPacket(payload[...], to: &out)
    }

    /// Appends content split into as many packets as needed (none for empty content). The
    /// caller ends the stream with a flush.
    public static func appendContent(_ content: [UInt8], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + content.count + (content.count / maxPayload + 1) * 4)
        var start = 0
        while start < content.count {
            let end = min(start + maxPayload, content.count)
            appendPacket(content[start..<end], to: &out)
            start = end
        }
    }

    public static func appendFlush(to out: inout [UInt8]) {
        out.append(contentsOf: flushPacket)
    }

    static func appendHeader(_ length: Int, to out: inout [UInt8]) {
        out.append(hexDigits[(length >> 12) & 0xF])
        out.append(hexDigits[(length >> 8) & 0xF])
        out.append(hexDigits[(length >> 4) & 0xF])
        out.append(hexDigits[length & 0xF])
    }

    /// The value of four hex digits (either case), or nil.
    static func parseHeader(_ header: UnsafeRawBufferPointer) -> Int? {
        var value = 0
        for byte in header {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
