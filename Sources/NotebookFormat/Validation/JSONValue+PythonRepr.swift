/// Python's `repr()` of the value `json.loads` gives, which jsonschema puts in its messages:
/// `'text'`, `True`, `None`, `1.0`, `[1, 'a']`, `{'key': 'value'}`.
extension JSONValue {
    /// The whole `repr()`.
    var pythonRepr: String { pythonRepr(limit: .max) }

    /// The `repr()` cut after `limit` characters and marked with `...`, so that a message about a
    /// cell holding a 4 MB image stays one line.
    func pythonRepr(limit: Int) -> String {
        var out = ""
        // Building stops a little after the limit (a character takes at most 4 bytes, mostly).
        let budget = limit.multipliedReportingOverflow(by: 4).overflow ? Int.max : limit * 4
        appendPythonRepr(to: &out, limit: budget)
        if let end = out.index(out.startIndex, offsetBy: limit, limitedBy: out.endIndex), end < out.endIndex {
            return out[..<end] + "..."
        }
        return out.utf8.count > budget ? out + "..." : out
    }

    private func appendPythonRepr(to out: inout String, limit: Int) {
        switch self {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .number(let n): out += n.pythonRepr
        case .string(let s): PythonRepr.append(s, to: &out, limit: limit)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if out.utf8.count > limit { return }
                if i > 0 { out += ", " }
                item.appendPythonRepr(to: &out, limit: limit)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                if out.utf8.count > limit { return }
                if i > 0 { out += ", " }
                PythonRepr.append(entry.key, to: &out, limit: limit)
                out += ": "
                entry.value.appendPythonRepr(to: &out, limit: limit)
            }
            out += "}"
        }
    }
}

extension JSONNumber {
    /// `repr(int)` or `repr(float)`: `nan`, `inf` and `-inf` for the non-finite floats.
    var pythonRepr: String {
        switch literal {
        case "NaN": return "nan"
        case "Infinity": return "inf"
        case "-Infinity": return "-inf"
        default: return canonicalLiteral
        }
    }
}

enum PythonRepr {
    /// `repr(str)`: single quotes unless the text holds `'` and no `"`; escapes for the
    /// characters `str.isprintable()` rejects.
    static func string(_ text: String) -> String {
        var out = ""
        append(text, to: &out, limit: .max)
        return out
    }

    /// Appends the `repr()` of `text`, stopping once `out` is longer than `limit` bytes.
    static func append(_ text: String, to out: inout String, limit: Int) {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        out.append(quote)
        for scalar in text.unicodeScalars {
            if out.utf8.count > limit { return }
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escape(scalar)
                }
            }
        }
        out.append(quote)
    }

    /// Python's `str.isprintable()` for one character: not a control, format, surrogate,
    /// private-use, unassigned or separator character, except the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value != 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if scalar.value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
