/// jupytext's `magics.py` for writing: which code lines are Jupyter magics or shell escapes
/// (`%matplotlib inline`, `!pip install`, `x = !ls`, `obj?`, `cd ..`) and so are commented out.
/// The patterns are jupytext's regular expressions, compiled when first needed.
struct PercentWriterMagics {
    private let language: String
    private let comment: String
    private let escapable: Bool
    private let magic: LazyRegex
    private let forceEscape: LazyRegex
    private let noEscape: LazyRegex
    private let helpOrBash: LazyRegex
    private let magicAssign: LazyRegex
    private let magicHelp: LazyRegex
    private let magicCommand: LazyRegex
    private let continuation: LazyRegex

    /// `language` is the cell's language as jupytext holds it (`python`, `R`, `scala`...).
    init(language: String) {
        self.language = language
        let usual = ScriptLanguages.usualName(language)
        let scriptLanguages = Set(ScriptLanguages.all.map(\.name))
        escapable = !["octave", "matlab", "sas", "jenner", "logtalk"].contains(usual) && scriptLanguages.contains(usual)
        comment = ScriptLanguages.commentPrefix(ofLanguage: language) ?? "#"
        magicComment = ScriptLanguages.commentPrefix(ofLanguage: usual) ?? "#"
        let c = Self.escaped(magicComment)
        func compile(_ pattern: String) -> LazyRegex { LazyRegex(pattern) }
        switch usual {
        case "rust":
            magic = compile("^(// |//)*:[a-zA-Z]")
            forceEscape = compile(#"^(// |//)*:[a-zA-Z](.*)//\s*noescape"#)
            noEscape = compile(#"^\s*(// |//)*(%|%%|%%%)[a-zA-Z](.*)//\s*noescape"#)
        case "csharp":
            magic = compile("^(// |//)*#![a-zA-Z]")
            forceEscape = compile(#"^(// |//)*#![a-zA-Z](.*)//\s*noescape"#)
            noEscape = compile(#"^\s*(// |//)*(%|%%|%%%)[a-zA-Z](.*)//\s*noescape"#)
        default:
            magic = compile(usual == "go" ? #"^(// |//)*(!|!\*|%|%%|%%%)[a-zA-Z]"# : #"^\s*(\#(c) |\#(c))*(%|%%|%%%)[a-zA-Z]"#)
            forceEscape = compile(#"^\s*(\#(c) |\#(c))*(%|%%|%%%)[a-zA-Z](.*)\#(c)\s*escape"#)
            noEscape = compile(#"^\s*(\#(c) |\#(c))*(%|%%|%%%)[a-zA-Z](.*)\#(c)\s*noescape"#)
        }
        helpOrBash = compile(#"^\s*(?:(?:# |#)+\s*)?(\?|!)\s*[A-Za-z\.\~\$\\\/\{\}]"#)
        magicAssign = compile(#"^(# |#)*\s*([a-zA-Z_][a-zA-Z_$0-9]*)\s*=\s*(%|%%|%%%|!)[a-zA-Z](.*)"#)
        magicHelp = compile(#"^\s*(# )*[^\s]*\?\s*$"#)
        magicCommand = compile(#"^(# |#)*(cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|mkdir|ren|rmdir)($|\s$|\s[^=,])"#)
        continuation = compile(#".*\\\s*$"#)
        isPython = usual == "python"
    }

    private let isPython: Bool
    /// The comment of the language's patterns (`_SCRIPT_EXTENSIONS` for its usual name).
    private let magicComment: String
    private var isRust: Bool { ScriptLanguages.usualName(language) == "rust" }
    private var isCSharp: Bool { ScriptLanguages.usualName(language) == "csharp" }
    private var isGo: Bool { ScriptLanguages.usualName(language) == "go" }

    /// `^\s*(C |C)*(%|%%|%%%)[a-zA-Z]` for the comment C, without the regular expression engine:
    /// the comment prefixes are taken greedily (a shorter choice can never match), then one to
    /// three `%` and a letter.
    private func isLineOrCellMagic(_ line: String) -> Bool {
        let comment = Array(magicComment.unicodeScalars)
        var rest = line.unicodeScalars.drop { $0.properties.isWhitespace }
        while rest.starts(with: comment) {
            rest = rest.dropFirst(comment.count)
            if rest.first == " " { rest = rest.dropFirst() }
        }
        let percents = rest.prefix { $0 == "%" }.count
        guard (1...3).contains(percents), let letter = rest.dropFirst(percents).first else { return false }
        return (letter >= "a" && letter <= "z") || (letter >= "A" && letter <= "Z")
    }

    /// After any `#`/`# ` prefixes, the line starts like one of the automagic shell words.
    private static func mayBeShellCommand(_ line: String) -> Bool {
        let rest = line.utf8.drop { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: " ") }
        guard let first = rest.first else { return false }
        return "cmredl".utf8.contains(first)
    }

    private static func escaped(_ text: String) -> String {
        text.unicodeScalars.map { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") ? String(c) : "\\" + String(c)
        }.joined()
    }

    private static func matches(_ regex: LazyRegex, _ line: String) -> Bool {
        regex.matchesPrefix(of: line)
    }

    /// `is_magic(line, language, global_escape_flag, explicitly_code=True)`.
    func isMagic(_ line: String, escapeFlag: Bool) -> Bool {
        guard escapable else { return false }
        var hasPercent = false, hasBang = false, hasQuestion = false, hasColon = false
        for c in line.utf8 {
            switch c {
            case UInt8(ascii: "%"): hasPercent = true
            case UInt8(ascii: "!"): hasBang = true
            case UInt8(ascii: "?"): hasQuestion = true
            case UInt8(ascii: ":"): hasColon = true
            default: break
            }
        }
        // cheap filters before the patterns: each pattern needs one of these characters
        let mayBeLanguageMagic = hasPercent || (hasColon && isRust) || (hasBang && (isCSharp || isGo))
        if !mayBeLanguageMagic && !isPython { return false }
        if !mayBeLanguageMagic && !hasBang && !hasQuestion {
            return Self.mayBeShellCommand(line) && escapeFlag && Self.matches(magicCommand, line)
        }
        if Self.matches(forceEscape, line) { return true }
        if !escapeFlag || Self.matches(noEscape, line) { return false }
        if isRust || isCSharp || isGo ? Self.matches(magic, line) : isLineOrCellMagic(line) { return true }
        guard isPython else { return false }
        // every Python pattern needs one of these characters or a leading shell command word
        if !line.unicodeScalars.contains(where: { $0 == "%" || $0 == "!" || $0 == "?" }) {
            return Self.matches(magicCommand, line)
        }
        return Self.matches(helpOrBash, line) || Self.matches(magicAssign, line)
            || Self.matches(magicHelp, line) || Self.matches(magicCommand, line)
    }

    /// `comment_magic`: magics outside string literals get `indent + comment + " "`; so does the
    /// continuation line of a Python magic ending in `\`.
    func commentMagics(_ source: inout [String], escapeFlag: Bool) {
        var parser = PercentWriterStringParser(language: language)
        var nextIsMagic = false
        for pos in source.indices {
            let line = source[pos]
            if !parser.isQuoted && (nextIsMagic || isMagic(line, escapeFlag: escapeFlag)) {
                if nextIsMagic {
                    source[pos] = comment + " " + line
                } else {
                    let unindented = String(String.UnicodeScalarView(line.unicodeScalars.drop { $0.properties.isWhitespace }))
                    let indentCount = line.unicodeScalars.count - unindented.unicodeScalars.count
                    let indent = String(String.UnicodeScalarView(line.unicodeScalars.prefix(indentCount)))
                    source[pos] = indent + comment + " " + unindented
                }
                nextIsMagic = isPython && Self.matches(continuation, line)
            }
            parser.read(line)
        }
    }
}
