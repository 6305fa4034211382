/// `re.search(pattern, text)` as jsonschema calls it, on Swift's `Regex`.
///
/// Python's `re` and Swift's regexes read most patterns alike; the differences that matter for
/// schema patterns are translated: `.` does not match only `\n`, `$` also matches before a final
/// `\n`, `\Z` is the very end, matching goes by Unicode scalars (not by characters, so `\r\n` is
/// two), and `[` inside a class is literal. `Regex` is not `Sendable`, so each validation run
/// keeps its own compiled patterns, and remembers answers for short texts (mime types, ids).
struct PythonPatterns {
    private var compiled: [String: Regex<AnyRegexOutput>?] = [:]
    private var answers: [String: [String: Bool]] = [:]

    /// True when `pattern` matches somewhere in `text`. A pattern Swift cannot read matches.
    mutating func search(_ pattern: String, in text: String) -> Bool {
        if pattern.isEmpty || pattern == ".*" { return true }
        let remember = text.utf8.count <= 64
        if remember, let known = answers[pattern]?[text] { return known }
        let regex: Regex<AnyRegexOutput>?
        if let cached = compiled[pattern] {
            regex = cached
        } else {
            regex = try? Regex(Self.translate(pattern)).matchingSemantics(.unicodeScalar)
            compiled[pattern] = regex
        }
        let found = regex.map { text.contains($0) } ?? true
        if remember { answers[pattern, default: [:]][text] = found }
        return found
    }

    /// Rewrites a Python pattern into Swift regex syntax with the same meaning.
    static func translate(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        var out = ""
        var inClass = false
        var classStart = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if c == "\\", let next {
                out += !inClass && next == "Z" ? "\\z" : "\\" + String(next)
                i += 2
                classStart = false
                continue
            }
            if inClass {
                switch c {
                case "]" where !classStart: inClass = false; out += "]"
                case "[", "&", "~": out += "\\" + String(c)
                case "-" where next == "-": out += "\\-"
                default: out.unicodeScalars.append(c)
                }
                classStart = false
            } else {
                switch c {
                case "[":
                    inClass = true
                    classStart = true
                    out += "["
                    if next == "^" {
                        out += "^"
                        i += 1
                    }
                case ".": out += "[^\\n]"
                case "$": out += "(?=\\n?\\z)"
                default: out.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        return out
    }
}
