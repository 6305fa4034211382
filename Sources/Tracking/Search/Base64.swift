/// Standard base64 with padding, enough for page tokens without Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = bytes[i..<min(i + 3, bytes.count)]
            let b0 = chunk[i], b1 = chunk.count > 1 ? chunk[i + 1] : 0, b2 = chunk.count > 2 ? chunk[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(chunk.count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for anything that is not canonical padded base64.
    static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < chars.count {
            var values: [UInt8] = []
            var padding = 0
            for c in chars[i..<i + 4] {
                if c == UInt8(ascii: "=") { padding += 1; values.append(0); continue }
                guard padding == 0, let v = alphabet.firstIndex(of: c) else { return nil }
                values.append(UInt8(v))
            }
            guard padding <= 2, padding == 0 || i + 4 == chars.count else { return nil }
            out.append(values[0] << 2 | values[1] >> 4)
            if padding < 2 { out.append(values[1] << 4 | values[2] >> 2) }
            if padding < 1 { out.append(values[2] << 6 | values[3]) }
            i += 4
        }
        return encode(out) == text ? out : nil
    }
}
