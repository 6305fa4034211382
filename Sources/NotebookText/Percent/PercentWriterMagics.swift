/// jupytext's `magics.py` for writing: which code lines are Jupyter magics or shell escapes
/// (`%matplotlib inline`, `!pip install`, `x = !ls`, `obj?`, `cd ..`) and so are commented out.
/// The patterns are jupytext's regular expressions: hand-written matchers (`MagicPatterns`) for
/// the common ones, the regex engine, compiled when first needed, for Rust, C# and Go magics.
struct PercentWriterMagics {
    private let language: String
    private let comment: String
    private let escapable: Bool
    private let isPython: Bool
    private let isRust: Bool
    private let isCSharp: Bool
    private let isGo: Bool
    /// The comment of the language's patterns (`_SCRIPT_EXTENSIONS` for its usual name).
    private let magicComment: [UInt8]
    /// jupytext's magic pattern of Rust, C# and Go, which is not the common one with their comment.
    private let languageMagic: LazyRegex?
    /// jupytext's `# escape`/`# noescape` patterns of Rust and C#.
    private let languageEscapes: (force: LazyRegex, no: LazyRegex)?

    /// `language` is the cell's language as jupytext holds it (`python`, `R`, `scala`...).
    init(language: String) {
        self.language = language
        let usual = ScriptLanguages.usualName(language)
        let scriptLanguages = Set(ScriptLanguages.all.map(\.name))
        escapable = !["octave", "matlab", "sas", "jenner", "logtalk"].contains(usual) && scriptLanguages.contains(usual)
        comment = ScriptLanguages.commentPrefix(ofLanguage: language) ?? "#"
        magicComment = Array((ScriptLanguages.commentPrefix(ofLanguage: usual) ?? "#").utf8)
        isPython = usual == "python"
        isRust = usual == "rust"
        isCSharp = usual == "csharp"
        isGo = usual == "go"
        let noEscape = LazyRegex(#"^\s*(// |//)*(%|%%|%%%)[a-zA-Z](.*)//\s*noescape"#)
        switch usual {
        case "rust":
            languageMagic = LazyRegex("^(// |//)*:[a-zA-Z]")
            languageEscapes = (LazyRegex(#"^(// |//)*:[a-zA-Z](.*)//\s*noescape"#), noEscape)
        case "csharp":
            languageMagic = LazyRegex("^(// |//)*#![a-zA-Z]")
            languageEscapes = (LazyRegex(#"^(// |//)*#![a-zA-Z](.*)//\s*noescape"#), noEscape)
        case "go":
            languageMagic = LazyRegex(#"^(// |//)*(!|!\*|%|%%|%%%)[a-zA-Z]"#)
            languageEscapes = nil
        default:
            languageMagic = nil
            languageEscapes = nil
        }
    }

    /// After any `#`/`# ` prefixes, the line starts like one of the automagic shell words.
    private static func mayBeShellCommand(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first(where: { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: " ") }) else { return false }
        switch first {
        case UInt8(ascii: "c"), UInt8(ascii: "m"), UInt8(ascii: "r"), UInt8(ascii: "e"), UInt8(ascii: "d"), UInt8(ascii: "l"):
            return true
        default: return false
        }
    }

    /// `is_magic(line, language, global_escape_flag, explicitly_code=True)`.
    func isMagic(_ line: String, escapeFlag: Bool) -> Bool {
        guard escapable else { return false }
        return LineBytes.with(line) { isMagic(line, $0, escapeFlag: escapeFlag) }
    }

    private func isMagic(_ line: String, _ b: UnsafeBufferPointer<UInt8>, escapeFlag: Bool) -> Bool {
        var hasPercent = false, hasBang = false, hasQuestion = false, hasColon = false
        for c in b {
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
            return escapeFlag && Self.mayBeShellCommand(b) && MagicPatterns.isShellCommand(b)
        }
        if let languageEscapes {
            if languageEscapes.force.matchesPrefix(of: line) { return true }
            if !escapeFlag || languageEscapes.no.matchesPrefix(of: line) { return false }
        } else {
            if MagicPatterns.isMagicMarked(b, comment: magicComment, word: "escape") { return true }
            if !escapeFlag || MagicPatterns.isMagicMarked(b, comment: magicComment, word: "noescape") { return false }
        }
        if let languageMagic {
            if languageMagic.matchesPrefix(of: line) { return true }
        } else if MagicPatterns.isLineOrCellMagic(b, comment: magicComment) {
            return true
        }
        guard isPython else { return false }
        // every Python pattern needs one of these characters or a leading shell command word
        if !(hasPercent || hasBang || hasQuestion) { return MagicPatterns.isShellCommand(b) }
        return MagicPatterns.isHelpOrShellEscape(b) || MagicPatterns.isMagicAssignment(b)
            || MagicPatterns.isMagicHelp(b) || MagicPatterns.isShellCommand(b)
    }

    /// `comment_magic`: magics outside string literals get `indent + comment + " "`; so does the
    /// continuation line of a Python magic ending in `\`.
    func commentMagics(_ source: inout [String], escapeFlag: Bool) {
        var parser = PercentWriterStringParser(language: language)
        var nextIsMagic = false
        for pos in source.indices {
            let line = source[pos]
            if !parser.isQuoted && (nextIsMagic || isMagic(line, escapeFlag: escapeFlag)) {
                let commented = LineBytes.with(line) { b in
                    let indent = nextIsMagic ? 0 : LineBytes.skip(b, from: 0)
                    nextIsMagic = isPython && MagicPatterns.endsWithContinuation(b)
                    return LineBytes.string(b, 0..<indent) + comment + " " + LineBytes.string(b, indent..<b.count)
                }
                source[pos] = commented
            }
            parser.read(line)
        }
    }
}
