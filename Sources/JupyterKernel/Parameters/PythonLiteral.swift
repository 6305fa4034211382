import NotebookFormat

/// Parameter values as papermill's `PythonTranslator` writes them, and `-p` values typed as
/// papermill's command line types them.
public enum PythonLiteral {
    /// None, True/False, ints verbatim, floats as `repr` (`float('nan')`, `float('inf')`),
    /// strings in double quotes through `unicode_escape`, lists `[a, b]`, dicts `{"k": v}`.
    public static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let n):
            if n.isInteger { return n.canonicalLiteral }
            let d = n.doubleValue
            if d.isNaN { return "float('nan')" }
            if d.isInfinite { return d < 0 ? "float('-inf')" : "float('inf')" }
            return d.description
        case .string(let s): return string(s)
        case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { string($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// `'"' + s.encode('unicode_escape').decode() .replace('"', '\\"') + '"'`.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x22: out += "\\\""
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0..<0x100: out += "\\x" + hex(scalar.value, 2)
            case 0x100..<0x10000: out += "\\u" + hex(scalar.value, 4)
            default: out += "\\U" + hex(scalar.value, 8)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// papermill's `_resolve_type` for `-p` values: `True`, `False`, `None`, what `int()` accepts,
    /// what `float()` accepts, else the string itself.
    public static func resolveType(_ text: String) -> JSONValue {
        switch text {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .null
        default: break
        }
        if let integer = pythonInt(text) { return .number(JSONNumber(literal: integer)) }
        if let double = pythonFloat(text) { return .number(JSONNumber(double: double)) }
        return .string(text)
    }

    /// The canonical digits of `int(text)` (surrounding whitespace, a sign, `_` between digits).
    static func pythonInt(_ text: String) -> String? {
        var body = Substring(text.trimmingPythonWhitespace())
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII && first.isNumber, let last = body.last, last.isASCII && last.isNumber,
              !body.contains("__"), body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" })
        else { return nil }
        var digits = String(body.filter { $0 != "_" }.drop { $0 == "0" })
        if digits.isEmpty { digits = "0" }
        return negative && digits != "0" ? "-" + digits : digits
    }

    /// `float(text)` for decimal, exponent, `nan` and `inf`/`infinity` spellings (not hex floats).
    static func pythonFloat(_ text: String) -> Double? {
        let trimmed = text.trimmingPythonWhitespace()
        let lowered = trimmed.lowercased()
        guard !lowered.contains("x"), !lowered.contains("p"), !lowered.contains("__"),
              !lowered.hasPrefix("_"), !lowered.hasSuffix("_")
        else { return nil }
        return Double(lowered.filter { $0 != "_" })
    }
}

extension String {
    func trimmingPythonWhitespace() -> String {
        let scalars = unicodeScalars.drop { $0.properties.isWhitespace }
        let kept = scalars.reversed().drop { $0.properties.isWhitespace }.reversed()
        return String(String.UnicodeScalarView(kept))
    }
}
