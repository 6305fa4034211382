/// Scanning a line's UTF-8 bytes where the syntax is ASCII (comments, quotes, `%`, markers): a
/// byte below 0x80 is a whole scalar and no byte of a multi-byte scalar is ASCII, so byte offsets
/// can be compared and skipped one by one; only white space needs the scalar decoded.
enum LineBytes {
    /// `body` on the UTF-8 bytes of `text`, without copying a native string.
    static func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// `body` on the UTF-8 bytes of `text`, without copying a native substring.
    static func with<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The scalar that starts at `i` and the offset after it (the bytes are valid UTF-8).
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, next: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), i + 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!, i + 2)
        }
        if b0 < 0xF0 {
            let value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(value)!, i + 3)
        }
        let value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(value)!, i + 4)
    }

    /// Swift's `Unicode.Scalar.Properties.isWhitespace` (Unicode White_Space, what Swift's regex
    /// `\s` matches), with the ASCII answers inline.
    @inline(__always)
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value == 0x20 || (0x09...0x0D).contains(c.value) }
        return c.properties.isWhitespace
    }

    /// Python's `str.isspace` as the reader uses it: White_Space plus the separators 0x1C–0x1F.
    @inline(__always)
    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value == 0x20 || (0x09...0x0D).contains(c.value) || (0x1C...0x1F).contains(c.value) }
        return c.properties.isWhitespace
    }

    /// The offset of the first scalar from `start` on that is not `space`.
    static func skip(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ space: (Unicode.Scalar) -> Bool = isWhitespace
    ) -> Int {
        var i = start
        while i < bytes.count {
            let (c, next) = scalar(bytes, at: i)
            if !space(c) { return i }
            i = next
        }
        return i
    }

    /// The offset just after the last scalar that is not `space` (the start when all are).
    static func trimmedEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ space: (Unicode.Scalar) -> Bool = isWhitespace
    ) -> Int {
        var end = bytes.count
        while end > start {
            var i = end - 1
            while bytes[i] & 0xC0 == 0x80 { i -= 1 }  // back to the scalar's first byte
            if !space(scalar(bytes, at: i).0) { return end }
            end = i
        }
        return start
    }

    /// True when the bytes at `i` begin with `prefix`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at i: Int) -> Bool {
        guard i >= 0, bytes.count - i >= prefix.count else { return false }
        for k in prefix.indices where bytes[i + k] != prefix[k] { return false }
        return true
    }

    /// True when the bytes at `i` begin with the ASCII text `prefix`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString, at i: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i >= 0, bytes.count - i >= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        return true
    }

    static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    static func isDigit(_ b: UInt8) -> Bool {
        b >= 0x30 && b <= 0x39
    }

    /// The lines of all `groups` joined by `\n` (`joined(separator:)` costs more per line).
    static func joined(_ groups: [[String]]) -> String {
        var total = 0, count = 0
        for group in groups {
            for line in group { total += line.utf8.count }
            count += group.count
        }
        total += max(0, count - 1)
        return String(unsafeUninitializedCapacity: total) { buffer in
            var i = 0
            for group in groups {
                for line in group {
                    let (_, end) = UnsafeMutableBufferPointer(rebasing: buffer[i...]).initialize(from: line.utf8)
                    i += end
                    if i < total {  // not the last line
                        buffer[i] = 0x0A
                        i += 1
                    }
                }
            }
            return i
        }
    }

    /// The string of `bytes[range]`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
