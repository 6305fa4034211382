/// jupytext's `StringParser`: tells whether the next line starts inside a string literal, so that
/// magics and pep8 rules look only at code.
struct PercentWriterStringParser {
    private let ignore: Bool
    private let python: Bool
    private let comment: [Unicode.Scalar]?
    private var single: Unicode.Scalar?
    private var triple: Unicode.Scalar?

    /// `language` as jupytext passes it: `nil` turns the parser off.
    init(language: String?) {
        ignore = language == nil
        python = language != "R"
        comment = language.flatMap(ScriptLanguages.commentPrefix(ofLanguage:)).map { Array($0.unicodeScalars) }
    }

    var isQuoted: Bool { !ignore && (single != nil || triple != nil) }

    mutating func read(_ line: String) {
        if ignore { return }
        let chars = Array(line.unicodeScalars)
        if !isQuoted, let comment {
            let stripped = chars.drop { $0.properties.isWhitespace }
            if stripped.starts(with: comment) { return }
        }
        var tripleStart = -1
        for i in chars.indices {
            let char = chars[i]
            if single == nil, triple == nil, let comment, comment.first == char, chars[i...].starts(with: comment) {
                break
            }
            guard char == "\"" || char == "'" else { continue }
            if i > 0 && chars[i - 1] == "\\" { continue }
            if single == char {
                single = nil
                continue
            }
            if single != nil { continue }
            if !python { continue }
            if i >= 2 && chars[i - 2] == char && chars[i - 1] == char && i >= tripleStart + 3 {
                if triple == char {
                    triple = nil
                    tripleStart = i
                    continue
                }
                if triple != nil { continue }
                triple = char
                tripleStart = i
                continue
            }
            if triple != nil { continue }
            single = char
        }
        if python { single = nil }
    }
}
