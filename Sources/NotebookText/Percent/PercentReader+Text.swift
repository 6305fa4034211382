/// Small text helpers of the reader, on Unicode scalars as Python's `str` counts them. They scan
/// UTF-8 bytes: the prefixes they look for are ASCII, and only white space needs a scalar decoded.
extension PercentReader {
    /// Python's `str.isspace` for one character (what `\s` and `strip()` use).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        LineBytes.isPythonSpace(c)
    }

    /// `^\s*$`.
    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        if let blank = line.utf8.withContiguousStorageIfAvailable({ LineBytes.skip($0, from: 0, isSpace) == $0.count }) {
            return blank
        }
        return line.unicodeScalars.allSatisfy(isSpace)
    }

    /// Python's `str.strip()`.
    static func strip<S: StringProtocol>(_ text: S) -> String {
        let stripped = text.utf8.withContiguousStorageIfAvailable { b -> String? in
            let first = LineBytes.skip(b, from: 0, isSpace)
            let end = LineBytes.trimmedEnd(b, from: first, isSpace)
            return first == 0 && end == b.count ? nil : LineBytes.string(b, first..<end)
        }
        if let stripped { return stripped ?? String(text) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(String.UnicodeScalarView(scalars))
    }

    /// The line without `prefix`, when it starts with it (a UTF-8 prefix is a scalar prefix).
    static func dropping(_ prefix: String, from line: String) -> String? {
        let bytes = line.utf8
        guard bytes.starts(with: prefix.utf8) else { return nil }
        return String(Substring(bytes.dropFirst(prefix.utf8.count)))
    }

    /// jupytext's `uncomment`: `prefix + " "` or `prefix` removed where present; the same for a suffix.
    static func uncomment(_ lines: [String], prefix: String, suffix: String = "") -> [String] {
        lines.map { uncomment($0, prefix: prefix, suffix: suffix) }
    }

    static func uncomment(_ line: String, prefix: String, suffix: String = "") -> String {
        var line = line
        if !prefix.isEmpty {
            let bytes = line.utf8
            if bytes.starts(with: prefix.utf8) {
                var rest = bytes.dropFirst(prefix.utf8.count)
                if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
                line = String(Substring(rest))
            }
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
        LineBytes.with(line) { b in
            let end = LineBytes.trimmedEnd(b, from: 0, isSpace)
            return end > 0 && b[end - 1] == UInt8(ascii: "\\")
        }
    }
}
