/// Word-at-a-time byte tests ("SWAR", after "Bit Twiddling Hacks"). They never miss a byte they
/// look for; they may report one that is not there, so callers re-check byte by byte.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func hasByteBelow(_ word: UInt64, _ n: UInt64) -> Bool {
        (word &- ones &* n) & ~word & highs != 0
    }

    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt64) -> Bool {
        hasByteBelow(word ^ (ones &* byte), 1)
    }

    /// A quote, a backslash or a control character: what ends or escapes a JSON string.
    @inline(__always)
    static func needsJSONAttention(_ word: UInt64) -> Bool {
        hasByteBelow(word, 0x20) || hasByte(word, 0x22) || hasByte(word, 0x5C)
    }

    /// A byte that may start a line break for Python's `splitlines`: a control character below
    /// 0x20, or the lead byte of U+0085 (0xC2) or of U+2028/U+2029 (0xE2).
    @inline(__always)
    static func mayBreakLine(_ word: UInt64) -> Bool {
        hasByteBelow(word, 0x20) || hasByte(word, 0xC2) || hasByte(word, 0xE2)
    }

    /// The offset of the first word (from `start`) for which `test` is true, or of the last
    /// partial word; bytes before it need no attention.
    @inline(__always)
    static func skipWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, while clean: (UInt64) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if !clean(word) { break }
            i += 8
        }
        return i
    }
}
