/// jupytext's `StringParser`: tells whether the next line starts inside a string literal, so that
/// magics and pep8 rules look only at code. Quotes, backslashes and comments are ASCII, so the
/// line is scanned as UTF-8 bytes (no byte of a multi-byte scalar can be mistaken for them).
struct PercentWriterStringParser {
    private let ignore: Bool
    private let python: Bool
    private let comment: [UInt8]?
    private var single: UInt8?
    private var triple: UInt8?

    /// `language` as jupytext passes it: `nil` turns the parser off.
    init(language: String?) {
        ignore = language == nil
        python = language != "R"
        comment = language.flatMap(Self.commentBytes(ofLanguage:))
    }

    /// The comment prefixes looked up once: a parser is made for every cell.
    private static let comments: [String: [UInt8]] = {
        var table: [String: [UInt8]] = [:]
        for language in ScriptLanguages.all { table[language.name] = Array(language.comment.utf8) }
        return table
    }()

    private static func commentBytes(ofLanguage name: String) -> [UInt8]? {
        if name == "python" { return [UInt8(ascii: "#")] }
        return comments[name]
    }

    var isQuoted: Bool { !ignore && (single != nil || triple != nil) }

    mutating func read(_ line: String) {
        if ignore { return }
        LineBytes.with(line) { read($0) }
    }

    private mutating func read(_ chars: UnsafeBufferPointer<UInt8>) {
        let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
        if !isQuoted, let comment {
            if LineBytes.hasPrefix(chars, comment, at: LineBytes.skip(chars, from: 0)) { return }
        }
        // Offsets are bytes, not scalars: the tests below look back only at ASCII quotes.
        let commentStart = comment?.first.map(UInt16.init) ?? 0x100  // never a byte without a comment
        var tripleStart = -1
        for i in 0..<chars.count {
            let char = chars[i]
            guard char == doubleQuote || char == singleQuote else {
                if UInt16(char) == commentStart, single == nil, triple == nil, let comment,
                    LineBytes.hasPrefix(chars, comment, at: i)
                {
                    break
                }
                continue
            }
            if i > 0 && chars[i - 1] == backslash { continue }
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
