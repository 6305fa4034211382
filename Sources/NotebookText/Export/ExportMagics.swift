/// Finds what IPython accepts and Python does not, in code about to go into a module: line
/// and cell magics (`%time`, `%%bash`), shell escapes (`!pip install`, `files = !ls`), help
/// requests (`obj?`, `??obj`) and the automagic shell words IPython runs without `%` (`cd ..`).
/// Only the start of a logical line counts: text inside strings and comments is never a magic.
public enum ExportMagics {
    public struct Finding: Sendable, Equatable {
        /// The line in the scanned text, from 1.
        public var line: Int
        /// What was found, as the user wrote it: `%time`, `%%bash`, `!pip`, `obj?`, `cd`.
        public var token: String
        public var kind: Kind
    }

    public enum Kind: Sendable, Equatable {
        case magic, shellEscape, help, shellCommand
    }

    /// The first magic in `source`, if any.
    public static func first(in source: String) -> Finding? {
        for line in PythonLogicalLines.split(source) where !line.isBlank {
            if let (token, kind) = classify(line.firstPhysicalLine, code: line.code) {
                return Finding(line: line.firstLine + 1, token: token, kind: kind)
            }
        }
        return nil
    }

    /// The message for an export error: what it is and what to do.
    public static func message(for finding: Finding) -> String {
        let what: String
        switch finding.kind {
        case .magic: what = "IPython magic '\(finding.token)'"
        case .shellEscape: what = "shell escape '\(finding.token)'"
        case .help: what = "IPython help '\(finding.token)'"
        case .shellCommand: what = "shell command '\(finding.token)' (IPython automagic)"
        }
        return what + " cannot go into a module; move it to an unexported cell"
    }

    static let shellWords: Set<String> = ["cat", "cd", "cp", "mv", "rm", "rmdir", "mkdir", "copy", "ddir", "echo", "ls", "ldir", "ren"]

    static func classify(_ firstLine: [UInt8], code: [UInt8]) -> (String, Kind)? {
        let line = String(decoding: firstLine, as: UTF8.self)
        let rest = Substring(line).drop { $0 == " " || $0 == "\t" }
        if let found = leadingMagic(rest) { return found }
        // `files = !ls`, `t = %timeit -o f()`: a name, `=`, then a magic
        let name = identifierPrefix(rest)
        if !name.isEmpty {
            let afterName = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            if afterName.first == "=", afterName.dropFirst().first != "=" {
                let value = afterName.dropFirst().drop { $0 == " " || $0 == "\t" }
                if let found = leadingMagic(value) { return found }
            }
        }
        // `?` is not Python outside strings and comments
        if let mark = code.firstIndex(of: UInt8(ascii: "?")) {
            let start = code[..<mark].lastIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }.map { $0 + 1 } ?? 0
            let end = code[mark...].firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A } ?? code.count
            return (String(decoding: code[start..<end], as: UTF8.self), .help)
        }
        // automagic shell words at the top level: `cd ..`, `ls`, `rm -rf out` (not `ls = []`, `cat(x)`)
        if rest.count == line.count, shellWords.contains(String(name)) {
            let after = rest.dropFirst(name.count)
            let next = after.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if next.isEmpty { return (String(name), .shellCommand) }
            if after.first == " ", let n = next.first, !"=,([:".contains(n), !isOperator(next) {
                return (String(name), .shellCommand)
            }
        }
        return nil
    }

    /// The Python identifier at the start of `text` (empty when there is none).
    static func identifierPrefix(_ text: Substring) -> Substring {
        guard let first = text.first, first.isLetter || first == "_" else { return text.prefix(0) }
        return text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `%name`, `%%name`, `!cmd`, `!!cmd`, `?name`, `??name` at the start of `text`.
    static func leadingMagic(_ text: Substring) -> (String, Kind)? {
        guard let first = text.first else { return nil }
        let word = text.prefix { !$0.isWhitespace }
        switch first {
        case "%":
            let percents = text.prefix { $0 == "%" }.count
            guard (1...2).contains(percents), let letter = text.dropFirst(percents).first, letter.isLetter else { return nil }
            return (String(word), .magic)
        case "!":
            guard text.dropFirst().first != "=" else { return nil }
            return (String(word), .shellEscape)
        case "?":
            return (String(word), .help)
        default:
            return nil
        }
    }

    /// `echo + 1`, `ls == x`, `cd -= 1`: an operator after the word makes it Python, not a shell command.
    private static func isOperator(_ text: Substring) -> Bool {
        guard let c = text.first else { return false }
        let second = text.dropFirst().first
        if "+*/%&|^<>@!".contains(c) { return second == "=" || second == " " || c == "<" || c == ">" }
        return c == "-" && (second == "=" || second == " ")
    }
}
