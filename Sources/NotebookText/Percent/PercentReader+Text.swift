/// Small text helpers of the reader, on Unicode scalars as Python's `str` counts them.
extension PercentReader {
    /// Python's `str.isspace` for one character (what `\s` and `strip()` use).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
    }

    /// `^\s*$`.
    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.unicodeScalars.allSatisfy(isSpace)
    }

    /// Python's `str.strip()`.
    static func strip<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(text) }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(String.UnicodeScalarView(scalars))
    }

    /// The line without `prefix`, when it starts with it (compared scalar by scalar).
    static func dropping(_ prefix: String, from line: String) -> String? {
        guard line.unicodeScalars.starts(with: prefix.unicodeScalars) else { return nil }
        return string(line.unicodeScalars.dropFirst(prefix.unicodeScalars.count))
    }

    /// jupytext's `uncomment`: `prefix + " "` or `prefix` removed where present; the same for a suffix.
    static func uncomment(_ lines: [String], prefix: String, suffix: String = "") -> [String] {
        lines.map { uncomment($0, prefix: prefix, suffix: suffix) }
    }

    static func uncomment(_ line: String, prefix: String, suffix: String = "") -> String {
        var line = line
        if !prefix.isEmpty {
            line = dropping(prefix + " ", from: line) ?? dropping(prefix, from: line) ?? line
        }
        if !suffix.isEmpty {
            let scalars = Array(line.unicodeScalars)
            for tail in [" " + suffix, suffix] where scalars.reversed().starts(with: tail.unicodeScalars.reversed()) {
                return string(scalars.dropLast(tail.unicodeScalars.count))
            }
        }
        return line
    }

    /// `.*\\\s*$`: the line ends with a backslash and optional white space.
    static func endsWithContinuation(_ line: String) -> Bool {
        line.unicodeScalars.reversed().first { !isSpace($0) } == "\\"
    }
}
