/// How PyYAML's emitter (`safe_dump`, `allow_unicode=False`) picks the style of one scalar
/// (`Emitter.analyze_scalar`, `choose_scalar_style`) and whether a plain string would be read back
/// as another type (`Resolver.resolve`).
struct YAMLHeaderScalar {
    enum Style { case plain, singleQuoted, doubleQuoted }

    let scalars: [Unicode.Scalar]
    /// True for a string: plain style needs the resolver to read it back as a string.
    let isString: Bool

    init(_ text: String, isString: Bool) {
        self.scalars = Array(text.unicodeScalars)
        self.isString = isString
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    private static func isSpaceOrBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\0" || c == " " || c == "\t" || c == "\r" || isBreak(c)
    }

    func style(simpleKey: Bool) -> Style {
        let s = scalars
        if s.isEmpty {
            // empty: plain is allowed in block context but the resolver reads '' as null
            return isString || simpleKey ? .singleQuoted : .plain
        }
        var blockIndicators = false
        var lineBreaks = false
        var special = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        let text = String(String.UnicodeScalarView(s))
        if text.scalarsStart(with: "---") || text.scalarsStart(with: "...") { blockIndicators = true }
        var precededByWhitespace = true
        var followedByWhitespace = s.count == 1 || Self.isSpaceOrBreak(s[1])
        var previousSpace = false, previousBreak = false
        for (index, ch) in s.enumerated() {
            if index == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { blockIndicators = true }
                if (ch == "?" || ch == ":") && followedByWhitespace { blockIndicators = true }
                if ch == "-" && followedByWhitespace { blockIndicators = true }
            } else {
                if ch == ":" && followedByWhitespace { blockIndicators = true }
                if ch == "#" && precededByWhitespace { blockIndicators = true }
            }
            if Self.isBreak(ch) { lineBreaks = true }
            if !(ch == "\n" || (ch.value >= 0x20 && ch.value <= 0x7E)) { special = true }
            if ch == " " {
                if index == 0 { leadingSpace = true }
                if index == s.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(ch) {
                if index == 0 { leadingBreak = true }
                if index == s.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = Self.isSpaceOrBreak(ch)
            followedByWhitespace = index + 2 >= s.count || Self.isSpaceOrBreak(s[index + 2])
        }
        var allowPlain = true
        var allowSingle = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { allowPlain = false }
        if breakSpace { allowPlain = false; allowSingle = false }
        if spaceBreak || special { allowPlain = false; allowSingle = false }
        if lineBreaks { allowPlain = false }
        if blockIndicators { allowPlain = false }

        let implicit = !isString || Self.resolvesToString(text)
        if implicit && !(simpleKey && lineBreaks) && allowPlain { return .plain }
        if allowSingle && !(simpleKey && lineBreaks) { return .singleQuoted }
        return .doubleQuoted
    }

    /// `Resolver.resolve(ScalarNode, value, (True, False))` is `str`: no implicit resolver
    /// (bool, float, int, merge, null, timestamp, value) matches the whole text.
    static func resolvesToString(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }  // '' is null
        typealias R = YAMLImplicitResolvers
        let matchers: [(String) -> Bool]
        switch first {
        case "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O":
            matchers = [R.isBool] + (first == "n" || first == "N" ? [R.isNull] : [])
        case "-", "+", ".":
            matchers = [R.isFloat] + (first == "." ? [] : [R.isInt])
        case "0"..."9":
            matchers = [R.isFloat, R.isInt, R.isTimestamp]
        case "<": matchers = [{ $0 == "<<" }]
        case "~": matchers = [R.isNull]
        case "=": matchers = [{ $0 == "=" }]
        default: return true
        }
        // Python's `$` also matches before a final newline.
        let candidates = text.scalarsEnd(with: "\n") ? [text, String(text.dropLast())] : [text]
        return !matchers.contains { matches in candidates.contains(where: matches) }
    }
}
