import Testing

@testable import NotebookText

/// The hand-written matchers of jupytext's magic patterns: their answers on chosen lines come from
/// Python's `re` (`MagicPatternsTests+Cases.swift`); on random lines they agree with Swift's regex
/// engine running the same patterns, as the writer ran them before.
@Suite("Magic patterns")
struct MagicPatternsTests {
    /// jupytext's pattern for `name`, the comment escaped as `re.escape` does.
    static func pattern(_ name: String, comment: String) -> String {
        let c = comment.map { $0.isLetter || $0.isNumber ? String($0) : "\\" + String($0) }.joined()
        switch name {
        case "lineOrCellMagic": return #"^\s*(\#(c) |\#(c))*(%|%%|%%%)[a-zA-Z]"#
        case "escape": return #"^\s*(\#(c) |\#(c))*(%|%%|%%%)[a-zA-Z](.*)\#(c)\s*escape"#
        case "noescape": return #"^\s*(\#(c) |\#(c))*(%|%%|%%%)[a-zA-Z](.*)\#(c)\s*noescape"#
        case "helpOrShellEscape": return #"^\s*(?:(?:# |#)+\s*)?(\?|!)\s*[A-Za-z\.\~\$\\\/\{\}]"#
        case "magicAssignment": return #"^(# |#)*\s*([a-zA-Z_][a-zA-Z_$0-9]*)\s*=\s*(%|%%|%%%|!)[a-zA-Z](.*)"#
        case "magicHelp": return #"^\s*(# )*[^\s]*\?\s*$"#
        case "shellCommand":
            return #"^(# |#)*(cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|mkdir|ren|rmdir)($|\s$|\s[^=,])"#
        default: return #".*\\\s*$"#
        }
    }

    /// The matcher under test for `name`.
    static func matches(_ name: String, comment: String, _ line: String) -> Bool {
        let c = Array(comment.utf8)
        return LineBytes.with(line) { b in
            switch name {
            case "lineOrCellMagic": return MagicPatterns.isLineOrCellMagic(b, comment: c)
            case "escape": return MagicPatterns.isMagicMarked(b, comment: c, word: "escape")
            case "noescape": return MagicPatterns.isMagicMarked(b, comment: c, word: "noescape")
            case "helpOrShellEscape": return MagicPatterns.isHelpOrShellEscape(b)
            case "magicAssignment": return MagicPatterns.isMagicAssignment(b)
            case "magicHelp": return MagicPatterns.isMagicHelp(b)
            case "shellCommand": return MagicPatterns.isShellCommand(b)
            default: return MagicPatterns.endsWithContinuation(b)
            }
        }
    }

    @Test func answersAsPythonsRe() {
        for (name, comment, expected) in Self.expectations {
            for line in Self.lines {
                #expect(Self.matches(name, comment: comment, line) == expected.contains(line), "\(name) \(comment) \(line.debugDescription)")
            }
        }
    }

    /// Pieces that the patterns care about, white space that Swift and Python see differently
    /// (0x1F), line breaks that `.` does not cross, and non-ASCII letters and spaces.
    static let pieces: [String] = [
        "#", "# ", " ", "  ", "\t", "%", "%%", "!", "?", "=", ",", "a", "Z", "_", "$", "1", "\\", "/", "//",
        ";;", "--", "escape", "noescape", "ls", "cd", "rm", "rmdir", "cat", "x", "(", "{", "~", ".",
        "\u{A0}", "\u{1F}", "\u{2028}", "\r", "\u{85}", "é", "\u{3000}", "e",
    ]

    @Test func agreeWithSwiftRegexOnRandomLines() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let names = ["lineOrCellMagic", "escape", "noescape", "helpOrShellEscape", "magicAssignment", "magicHelp",
                     "shellCommand", "continuation"]
        let cases = names.flatMap { name in
            ["lineOrCellMagic", "escape", "noescape"].contains(name) ? ["#", "//", ";;", "--"].map { (name, $0) } : [(name, "#")]
        }
        for (name, comment) in cases {
            let regex = try Regex(Self.pattern(name, comment: comment)).matchingSemantics(.unicodeScalar)
            for _ in 0..<400 {
                let line = (0..<next(9)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
                let expected = (try? regex.prefixMatch(in: line)) != nil
                #expect(Self.matches(name, comment: comment, line) == expected, "\(name) \(comment) \(line.debugDescription)")
            }
        }
    }
}
