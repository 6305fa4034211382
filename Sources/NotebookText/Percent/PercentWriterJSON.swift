import NotebookFormat

/// Python's `json.dumps(value)` with its defaults: `", "` and `": "` separators, keys in their
/// order, every character outside ASCII escaped (`ensure_ascii=True`).
enum PercentWriterJSON {
    static func dumps(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.canonicalLiteral
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out += ", " }
                writeString(entry.key, into: &out)
                out += ": "
                write(entry.value, into: &out)
            }
            out += "}"
        }
    }

    private static func hex4(_ v: UInt32) -> String {
        let text = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if c.value < 0x20 || (c.value > 0x7E && c.value <= 0xFFFF) {
                    out += hex4(c.value)
                } else if c.value > 0xFFFF {
                    let v = c.value - 0x10000
                    out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}
