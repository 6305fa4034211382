/// The names nbdev puts in a module's `__all__` (`maker.py::make_all`), found without a Python
/// parser from the top-level statements of the exported cells: assignment targets first
/// (`a = b = 1`, `x, y = p`, `n: int = 0`, `count += 1`), then `def`, `async def` and `class`
/// names (not those decorated with `@patch...`), leaving out names that start with `_`, then
/// whatever a literal `_all_ = [...]` lists. Each name appears once, first place wins.
public enum ModuleNames {
    public static func names(in cells: [String]) -> [String] {
        var targets: [String] = []
        var definitions: [String] = []
        var listed: [String] = []
        for cell in cells {
            var patched = false
            for line in PythonLogicalLines.split(cell) where !line.isBlank && line.indent == 0 {
                let words = leadingWords(line.code, count: 2)
                if line.code.first == UInt8(ascii: "@") {
                    let decorator = ExportMagics.identifierPrefix(Substring(String(decoding: line.code.dropFirst(), as: UTF8.self)))
                    patched = patched || decorator.hasPrefix("patch")
                    continue
                }
                if words.first == "def" || words.first == "class" || (words.first == "async" && words.dropFirst().first == "def") {
                    if !patched, let name = definedName(line.code) { definitions.append(name) }
                    patched = false
                    continue
                }
                patched = false
                for range in line.statements {
                    let statement = Statement(text: Array(line.text[range]), code: Array(line.code[range]))
                    targets += statement.assignmentTargets()
                    if let values = statement.allListValues() { listed += values }
                }
            }
        }
        var seen = Set<String>()
        let exported = (targets + definitions).filter { !$0.hasPrefix("_") } + listed
        return exported.filter { seen.insert($0).inserted }
    }

    /// The line `__all__ = [...]` as nbdev writes it: Python's list repr wrapped by
    /// `TextWrapper(width=120, subsequent_indent=' '*11, break_long_words=False)`.
    public static func allStatement(_ names: [String]) -> String {
        let repr = "[" + names.map(PythonRepr.string).joined(separator: ", ") + "]"
        return "__all__ = " + PythonTextWrap.wrap(repr, width: 120, subsequentIndent: 11).joined(separator: "\n")
    }

    /// The first identifiers of the code.
    static func leadingWords(_ code: [UInt8], count: Int) -> [String] {
        var words: [String] = []
        var rest = Substring(String(decoding: code, as: UTF8.self))
        while words.count < count {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            let word = ExportMagics.identifierPrefix(rest)
            guard !word.isEmpty else { break }
            words.append(String(word))
            rest = rest.dropFirst(word.count)
        }
        return words
    }

    /// The name after `def` or `class`.
    static func definedName(_ code: [UInt8]) -> String? {
        let words = leadingWords(code, count: 3)
        let name = words.first == "async" ? words.dropFirst(2).first : words.dropFirst().first
        return name
    }
}

/// Python's `repr` of a string: single quotes unless the text holds one and no double quote.
enum PythonRepr {
    static func string(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Character(scalar) == quote: out += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + String(quote)
    }
}

/// `textwrap.TextWrapper(width, subsequent_indent, break_long_words=False).wrap(text)` for text
/// without tabs or hyphens: whitespace-separated chunks laid out greedily, a word longer than
/// the line on a line of its own, whitespace dropped at the ends of wrapped lines.
enum PythonTextWrap {
    static func wrap(_ text: String, width: Int, subsequentIndent: Int) -> [String] {
        var chunks: [String] = []  // words and runs of whitespace, in order
        var current = ""
        for c in text {
            if let last = current.last, last.isWhitespace != c.isWhitespace {
                chunks.append(current)
                current = ""
            }
            current.append(c)
        }
        if !current.isEmpty { chunks.append(current) }
        var lines: [String] = []
        var index = 0
        while index < chunks.count {
            let indent = lines.isEmpty ? "" : String(repeating: " ", count: subsequentIndent)
            let room = width - indent.count
            if !lines.isEmpty, chunks[index].allSatisfy(\.isWhitespace) { index += 1 }
            var line: [String] = []
            var length = 0
            while index < chunks.count, length + chunks[index].count <= room {
                line.append(chunks[index])
                length += chunks[index].count
                index += 1
            }
            if line.isEmpty, index < chunks.count {  // a word longer than the room
                line.append(chunks[index])
                index += 1
            }
            if let last = line.last, last.allSatisfy(\.isWhitespace) { line.removeLast() }
            if !line.isEmpty { lines.append(indent + line.joined()) }
        }
        return lines
    }
}
