/// PyYAML's implicit resolvers (`resolver.py`, YAML 1.1) as hand-written matchers: whether a
/// whole plain scalar would read back as a bool, int, float, null or timestamp. Regular
/// expressions compiled per scalar cost more than the rest of a conversion.
enum YAMLImplicitResolvers {
    static let bools: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]
    static let nulls: Set<String> = ["~", "null", "Null", "NULL"]

    static func isBool(_ text: String) -> Bool { bools.contains(text) }
    static func isNull(_ text: String) -> Bool { nulls.contains(text) }

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    static func isInt(_ text: String) -> Bool {
        var s = Scanner(text)
        s.sign()
        let body = s
        if s.skip("0b") { return s.many { $0 == "0" || $0 == "1" || $0 == "_" } > 0 && s.atEnd }
        s = body
        if s.skip("0x") { return s.many { isHex($0) || $0 == "_" } > 0 && s.atEnd }
        s = body
        if s.skip("0") { return s.atEnd || (s.many { ("0"..."7").contains($0) || $0 == "_" } > 0 && s.atEnd) }
        guard s.one({ ("1"..."9").contains($0) }) else { return false }
        s.many { isDigit($0) || $0 == "_" }
        if s.atEnd { return true }
        return s.sexagesimalGroups() && s.atEnd
    }

    /// `[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)? | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)? |
    /// [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    static func isFloat(_ text: String) -> Bool {
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var s = Scanner(text)
        let signed = s.sign()
        if s.skip(".") {
            if s.atEnd { return false }
            let afterDot = s
            if s.rest == "inf" || s.rest == "Inf" || s.rest == "INF" { return true }
            s = afterDot
            guard !signed, s.one(isDigit) else { return false }
            s.many { isDigit($0) || $0 == "_" }
            return s.exponent() && s.atEnd
        }
        guard s.one(isDigit) else { return false }
        s.many { isDigit($0) || $0 == "_" }
        let integer = s
        if s.skip(".") {
            s.many { isDigit($0) || $0 == "_" }
            if s.exponent() && s.atEnd { return true }
        }
        s = integer
        guard s.sexagesimalGroups(), s.skip(".") else { return false }
        s.many { isDigit($0) || $0 == "_" }
        return s.atEnd
    }

    /// `YYYY-MM-DD`, or `YYYY-M-D` then `T`/`t`/blanks, `H:MM:SS[.fraction][blanks][Z|±H[:MM]]`.
    static func isTimestamp(_ text: String) -> Bool {
        var s = Scanner(text)
        guard s.digits(4...4), s.skip("-") else { return false }
        let month = s
        if s.digits(2...2), s.skip("-"), s.digits(2...2), s.atEnd { return true }
        s = month
        guard s.digits(1...2), s.skip("-"), s.digits(1...2) else { return false }
        if !s.one({ $0 == "T" || $0 == "t" }) {
            guard s.many({ $0 == " " || $0 == "\t" }) > 0 else { return false }
        }
        guard s.digits(1...2), s.skip(":"), s.digits(2...2), s.skip(":"), s.digits(2...2) else { return false }
        if s.skip(".") { s.many(isDigit) }
        if s.atEnd { return true }
        s.many { $0 == " " || $0 == "\t" }
        if s.skip("Z") { return s.atEnd }
        guard s.one({ $0 == "-" || $0 == "+" }), s.digits(1...2) else { return false }
        if s.skip(":") { guard s.digits(2...2) else { return false } }
        return s.atEnd
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isHex(_ c: Unicode.Scalar) -> Bool { isDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c) }

    /// A cursor over a scalar's characters; copies of it are saved positions for backtracking.
    struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ text: String) { scalars = Array(text.unicodeScalars) }

        var atEnd: Bool { index == scalars.count }
        var rest: String { String(String.UnicodeScalarView(scalars[index...])) }

        mutating func skip(_ literal: String) -> Bool {
            let wanted = Array(literal.unicodeScalars)
            guard scalars[index...].starts(with: wanted) else { return false }
            index += wanted.count
            return true
        }

        mutating func one(_ accepts: (Unicode.Scalar) -> Bool) -> Bool {
            guard index < scalars.count, accepts(scalars[index]) else { return false }
            index += 1
            return true
        }

        @discardableResult
        mutating func many(_ accepts: (Unicode.Scalar) -> Bool) -> Int {
            let start = index
            while index < scalars.count, accepts(scalars[index]) { index += 1 }
            return index - start
        }

        @discardableResult
        mutating func sign() -> Bool { one { $0 == "-" || $0 == "+" } }

        /// Between `range` digits, no more (the next character is not a digit).
        mutating func digits(_ range: ClosedRange<Int>) -> Bool {
            let start = index
            while index < scalars.count, index - start < range.upperBound, isDigit(scalars[index]) { index += 1 }
            return range.contains(index - start) && (index == scalars.count || !isDigit(scalars[index]))
        }

        /// `(?:[eE][-+][0-9]+)?`: false only for a started exponent that is malformed.
        mutating func exponent() -> Bool {
            guard one({ $0 == "e" || $0 == "E" }) else { return true }
            return sign() && many(isDigit) > 0
        }

        /// `(?::[0-5]?[0-9])+`.
        mutating func sexagesimalGroups() -> Bool {
            var groups = 0
            while skip(":") {
                let start = index
                many(isDigit)
                let count = index - start
                guard count == 1 || (count == 2 && ("0"..."5").contains(scalars[start])) else { return false }
                groups += 1
            }
            return groups > 0
        }
    }
}
