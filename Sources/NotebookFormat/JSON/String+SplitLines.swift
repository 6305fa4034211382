extension String {
    /// Python's `str.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`,
    /// U+0085, U+2028 and U+2029. An empty string gives no lines; a final line break adds no empty line.
    public func pythonSplitLines(keepEnds: Bool = true) -> [String] {
        var lines: [String] = []
        var copy = self
        copy.withUTF8 { String.splitLines($0, keepEnds: keepEnds, into: &lines) }
        return lines
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
