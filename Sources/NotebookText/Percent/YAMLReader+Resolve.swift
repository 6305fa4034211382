import NotebookFormat

extension YAMLReader {
    /// The value PyYAML's resolver (YAML 1.1) gives a plain scalar: null, bool, int, float or string.
    static func resolve(plain text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        let s = Array(text.unicodeScalars)
        guard let first = s.first, "-+0123456789.".unicodeScalars.contains(first) else { return .string(text) }
        if let int = integer(s) { return int }
        if let float = float(s) { return float }
        return .string(text)
    }

    private static func isDigit(_ c: Unicode.Scalar, radix: Int = 10) -> Bool {
        guard c.isASCII else { return false }
        return Int(String(c), radix: radix) != nil
    }

    /// `[-+]?(0b[01_]+ | 0[0-7_]+ | (0|[1-9][0-9_]*) | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)`
    private static func integer(_ s: [Unicode.Scalar]) -> JSONValue? {
        var body = s[...]
        var negative = false
        if let f = body.first, f == "-" || f == "+" {
            negative = f == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        let text = String(String.UnicodeScalarView(body))
        func make(_ digits: Substring, radix: Int) -> JSONValue? {
            let clean = String(digits.filter { $0 != "_" })
            guard !clean.isEmpty, clean.unicodeScalars.allSatisfy({ isDigit($0, radix: radix) }) else { return nil }
            if radix == 10 {
                let trimmed = String(clean.drop { $0 == "0" })
                let magnitude = trimmed.isEmpty ? "0" : trimmed
                return .number(JSONNumber(literal: (negative && magnitude != "0" ? "-" : "") + magnitude))
            }
            guard let value = Int(clean, radix: radix) else { return nil }
            return .int(negative ? -value : value)
        }
        if text.hasPrefix("0b") { return make(text.dropFirst(2), radix: 2) }
        if text.hasPrefix("0x") { return make(text.dropFirst(2), radix: 16) }
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard let head = parts.first, let h = head.first, h != "0",
                head.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }),
                parts.dropFirst().allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } && (Int($0) ?? 60) < 60 })
            else { return nil }
            var value = 0
            for part in parts {
                guard let v = Int(String(part.filter { $0 != "_" })) else { return nil }
                value = value * 60 + v
            }
            return .int(negative ? -value : value)
        }
        if text.hasPrefix("0") && text.count > 1 { return make(text.dropFirst(1), radix: 8) }
        guard body.first.map({ isDigit($0) }) == true else { return nil }
        return make(Substring(text), radix: 10)
    }

    /// `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func float(_ s: [Unicode.Scalar]) -> JSONValue? {
        let text = String(String.UnicodeScalarView(s))
        switch text {
        case ".nan", ".NaN", ".NAN": return .number(JSONNumber(double: .nan))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(JSONNumber(double: .infinity))
        case "-.inf", "-.Inf", "-.INF": return .number(JSONNumber(double: -.infinity))
        default: break
        }
        var body = Substring(text)
        var sign = ""
        if let f = body.first, f == "-" || f == "+" {
            sign = f == "-" ? "-" : ""
            body = body.dropFirst()
        }
        guard let dot = body.firstIndex(of: ".") else { return nil }
        let whole = body[..<dot]
        var rest = body[body.index(after: dot)...]
        var exponent = ""
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exp = rest[rest.index(after: e)...]
            guard let signChar = exp.first, signChar == "-" || signChar == "+", exp.count > 1,
                exp.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            exponent = "e" + exp
            rest = rest[..<e]
        }
        let digitsOK: (Substring) -> Bool = { $0.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" } }
        guard digitsOK(whole), digitsOK(rest), whole.first != "_" else { return nil }
        if whole.isEmpty && (sign != "" || rest.isEmpty || rest.first == "_") { return nil }
        let literal = sign + (whole.isEmpty ? "0" : String(whole.filter { $0 != "_" })) + "."
            + String(rest.filter { $0 != "_" }) + "0" + exponent
        guard let value = Double(literal) else { return nil }
        return .number(JSONNumber(double: value))
    }
}
