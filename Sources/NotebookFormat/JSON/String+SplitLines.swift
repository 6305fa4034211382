extension String {
    /// Python's `str.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`,
    /// U+0085, U+2028 and U+2029. An empty string gives no lines; a final line break adds no empty line.
    public func pythonSplitLines(keepEnds: Bool = true) -> [String] {
        var lines: [String] = []
        var copy = self
        copy.withUTF8 { String.splitLines($0, keepEnds: keepEnds, into: &lines) }
        return lines
    }

    /// True when the strings are exactly what `"".join(items).splitlines(True)` gives back:
    /// no empty item, one line break per item and only at its end (the last may have none),
    /// and no `\r` at the end of one item followed by `\n` at the start of the next.
    static func isCanonicalLines(_ items: [JSONValue]) -> Bool {
        var previousEndedWithCR = false
        for (index, item) in items.enumerated() {
            guard case .string(var text) = item else { return false }
            let isLast = index == items.count - 1
            let ok: Bool = text.withUTF8 { bytes in
                guard !bytes.isEmpty else { return false }
                if previousEndedWithCR && bytes[0] == 0x0A { return false }
                guard let end = firstLineBreakEnd(bytes) else { return isLast }
                previousEndedWithCR = bytes[bytes.count - 1] == 0x0D
                return end == bytes.count
            }
            if !ok { return false }
        }
        return true
    }

    /// The offset just past the first line break (`\r\n` counts as one), if there is one.
    private static func firstLineBreakEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            i = ByteScan.skipWords(bytes, from: i) { !ByteScan.mayBreakLine($0) }
            guard i < n else { return nil }
            switch bytes[i] {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: return i + 1
            case 0x0D: return (i + 1 < n && bytes[i + 1] == 0x0A) ? i + 2 : i + 1
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0x85: return i + 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): return i + 3
            default: i += 1
            }
        }
        return nil
    }

    private static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, keepEnds: Bool, into lines: inout [String]) {
        var lineStart = 0
        var i = 0
        let n = bytes.count
        func emit(contentEnd: Int, next: Int) {
            let end = keepEnds ? next : contentEnd
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self))
            lineStart = next
        }
        while i < n {
            i = ByteScan.skipWords(bytes, from: i) { !ByteScan.mayBreakLine($0) }
            guard i < n else { break }
            let b = bytes[i]
            switch b {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E:
                emit(contentEnd: i, next: i + 1)
                i += 1
            case 0x0D:
                let next = (i + 1 < n && bytes[i + 1] == 0x0A) ? i + 2 : i + 1
                emit(contentEnd: i, next: next)
                i = next
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0x85:
                emit(contentEnd: i, next: i + 2)
                i += 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                emit(contentEnd: i, next: i + 3)
                i += 3
            default:
                i += 1
            }
        }
        if lineStart < n {
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<n]), as: UTF8.self))
        }
    }
}
