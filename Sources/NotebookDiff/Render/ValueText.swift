import NotebookFormat

/// Short, single-line text for values shown in a diff: compact JSON, sizes, truncation.
enum ValueText {
    /// Longest text shown for one value.
    static let valueLimit = 80
    /// Longest line shown of a text diff; longer lines (minified JSON, HTML, base64) are cut.
    static let lineLimit = 200

    /// A JSON value in one line (`["a","b"]`), cut to `limit` characters.
    static func compact(_ value: JSONValue, limit: Int = valueLimit) -> String {
        if case .string(let s) = value, s.utf8.count > 4 * limit {
            // Do not escape a whole base64 image to show eighty characters of it.
            return truncated(JSONWriter(indent: nil).string(.string(String(s.prefix(limit)))), limit: limit)
        }
        return truncated(JSONWriter(indent: nil).string(value), limit: limit)
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(0, limit - 1))) + "…"
    }

    /// A line for display: its line break removed, control characters made visible, cut.
    static func displayLine(_ line: String, limit: Int = lineLimit) -> String {
        var text = line
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" {
            text.unicodeScalars.removeLast()
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                scalar.value < 0x20 && scalar != "\t" ? Unicode.Scalar(0x2400 + scalar.value) ?? "?" : scalar
            }))
        }
        return truncated(text, limit: limit)
    }

    /// A byte count as people read it: `512 B`, `34.1 KB`, `2.5 MB` (units of 1024).
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let (unit, divisor) = bytes < 1024 * 1024 ? ("KB", 1024) : ("MB", 1024 * 1024)
        let tenths = (bytes * 10 + divisor / 2) / divisor
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }

    /// The decoded size of base64 text (line breaks and padding not counted).
    static func base64DecodedSize(_ text: String) -> Int {
        var count = 0, padding = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "="): padding += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "): continue
            default: count += 1
            }
        }
        return (count + padding) / 4 * 3 - padding
    }

    /// "1 line", "3 lines".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
