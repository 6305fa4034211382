/// jupytext's magic regular expressions (`magics.py`) as exact hand-written matchers on a line's
/// UTF-8 bytes: they run on every code line, where the regex engine cost more than the rest of
/// the conversion. `C` is the language's comment; each matcher says true exactly when
/// `Regex(pattern).matchingSemantics(.unicodeScalar).prefixMatch(in: line)` finds a match, with
/// `\s` as Unicode White_Space and `.` as any scalar but a line break.
///
/// Why greedy scanning is exact: every optional or repeated part is followed by a character it
/// cannot start with (`C` starts with neither white space nor `%`), so no shorter choice matches
/// where the longest fails.
enum MagicPatterns {
    private static let hash = UInt8(ascii: "#"), space = UInt8(ascii: " "), percent = UInt8(ascii: "%")

    /// `(C |C)*` from `i`: the offset after the comment prefixes.
    static func afterComments(_ b: UnsafeBufferPointer<UInt8>, from i: Int, _ comment: [UInt8]) -> Int {
        var i = i
        while LineBytes.hasPrefix(b, comment, at: i) {
            i += comment.count
            if i < b.count && b[i] == space { i += 1 }
        }
        return i
    }

    /// `(%|%%|%%%)[a-zA-Z]` at `i`: the offset after the letter.
    static func afterPercentsAndLetter(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var j = i
        while j < b.count && b[j] == percent { j += 1 }
        guard (1...3).contains(j - i), j < b.count, LineBytes.isLetter(b[j]) else { return nil }
        return j + 1
    }

    /// `^\s*(C |C)*(%|%%|%%%)[a-zA-Z]`: a line or cell magic, possibly commented.
    static func isLineOrCellMagic(_ b: UnsafeBufferPointer<UInt8>, comment: [UInt8]) -> Bool {
        afterPercentsAndLetter(b, at: afterComments(b, from: LineBytes.skip(b, from: 0), comment)) != nil
    }

    /// `^\s*(C |C)*(%|%%|%%%)[a-zA-Z](.*)C\s*WORD` for WORD `escape` or `noescape`: a magic with
    /// a trailing `# escape` or `# noescape` comment.
    static func isMagicMarked(_ b: UnsafeBufferPointer<UInt8>, comment: [UInt8], word: StaticString) -> Bool {
        guard var p = afterPercentsAndLetter(b, at: afterComments(b, from: LineBytes.skip(b, from: 0), comment)) else {
            return false
        }
        while true {
            if LineBytes.hasPrefix(b, comment, at: p), LineBytes.hasPrefix(b, word, at: LineBytes.skip(b, from: p + comment.count)) {
                return true
            }
            guard p < b.count else { return false }
            let (c, next) = LineBytes.scalar(b, at: p)
            if isLineBreak(c) { return false }  // `.` stops at a line break
            p = next
        }
    }

    /// `^\s*(?:(?:# |#)+\s*)?(\?|!)\s*[A-Za-z\.\~\$\\\/\{\}]`: help (`?obj`) or a shell escape (`!ls`).
    static func isHelpOrShellEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = LineBytes.skip(b, from: 0)
        if i < b.count && b[i] == hash { i = LineBytes.skip(b, from: afterComments(b, from: i, [hash])) }
        guard i < b.count, b[i] == UInt8(ascii: "?") || b[i] == UInt8(ascii: "!") else { return false }
        i = LineBytes.skip(b, from: i + 1)
        guard i < b.count else { return false }
        switch b[i] {
        case UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "{"),
            UInt8(ascii: "}"):
            return true
        default: return LineBytes.isLetter(b[i])
        }
    }

    /// `^(# |#)*\s*([a-zA-Z_][a-zA-Z_$0-9]*)\s*=\s*(%|%%|%%%|!)[a-zA-Z](.*)`: `x = %time f()`, `x = !ls`.
    static func isMagicAssignment(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = LineBytes.skip(b, from: afterComments(b, from: 0, [hash]))
        let underscore = UInt8(ascii: "_")
        guard i < b.count, LineBytes.isLetter(b[i]) || b[i] == underscore else { return false }
        i += 1
        while i < b.count, LineBytes.isLetter(b[i]) || LineBytes.isDigit(b[i]) || b[i] == underscore || b[i] == UInt8(ascii: "$") {
            i += 1
        }
        i = LineBytes.skip(b, from: i)
        guard i < b.count, b[i] == UInt8(ascii: "=") else { return false }
        i = LineBytes.skip(b, from: i + 1)
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "!") { return i + 1 < b.count && LineBytes.isLetter(b[i + 1]) }
        return afterPercentsAndLetter(b, at: i) != nil
    }

    /// `^\s*(# )*[^\s]*\?\s*$`: `obj?`, `# obj??`.
    static func isMagicHelp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = LineBytes.skip(b, from: 0)
        let end = LineBytes.trimmedEnd(b, from: start)
        guard end > start, b[end - 1] == UInt8(ascii: "?") else { return false }
        var i = start
        while LineBytes.hasPrefix(b, "# ", at: i) { i += 2 }
        // what is left before the final `?` is `[^\s]*`
        return i >= end - 1 || LineBytes.skip(b, from: i) { !LineBytes.isWhitespace($0) } >= end - 1
    }

    /// `^(# |#)*(cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|mkdir|ren|rmdir)($|\s$|\s[^=,])`:
    /// an automagic shell command (`ls`, `cd ..`), not an assignment such as `ls = 1`.
    static func isShellCommand(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = afterComments(b, from: 0, [hash])
        for word in shellWords where LineBytes.hasPrefix(b, word, at: i) {
            let k = i + word.count
            if k == b.count { return true }
            let (c, next) = LineBytes.scalar(b, at: k)
            guard LineBytes.isWhitespace(c) else { continue }
            if next == b.count || (b[next] != UInt8(ascii: "=") && b[next] != UInt8(ascii: ",")) { return true }
        }
        return false
    }

    private static let shellWords: [[UInt8]] = [
        "cat", "cd", "cp", "mv", "rm", "rmdir", "mkdir", "copy", "ddir", "echo", "ls", "ldir", "ren",
    ].map { Array($0.utf8) }

    /// `.*\\\s*$`: the line continues on the next one.
    static func endsWithContinuation(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = LineBytes.trimmedEnd(b, from: 0)
        guard end > 0, b[end - 1] == UInt8(ascii: "\\") else { return false }
        return LineBytes.skip(b, from: 0) { !isLineBreak($0) } >= end - 1
    }

    /// What Swift's regex `.` does not match: `\n`, `\v`, `\f`, `\r`, U+0085, U+2028, U+2029.
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(c.value) || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }
}
