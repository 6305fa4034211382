import NotebookFormat

extension YAMLReader.Parser {
    /// A flow collection (`[a, b]`, `{k: v}`) from `column`, possibly over several lines.
    mutating func parseFlow(row: Int, column: Int) throws(YAMLReader.Error) -> JSONValue {
        // Gather the text until the brackets balance, folding line breaks into spaces.
        var text: [Unicode.Scalar] = []
        var depth = 0
        var quote: Unicode.Scalar?
        var r = row
        var c = column
        scan: while r < lines.count {
            let line = lines[r]
            while c < line.count {
                let ch = line[c]
                text.append(ch)
                c += 1
                if let q = quote {
                    if ch == q { quote = nil } else if q == "\"" && ch == "\\" && c < line.count {
                        text.append(line[c])
                        c += 1
                    }
                    continue
                }
                switch ch {
                case "\"", "'": quote = ch
                case "[", "{": depth += 1
                case "]", "}":
                    depth -= 1
                    if depth == 0 { break scan }
                case "#" where text.count > 1 && text[text.count - 2] == " ":
                    text.removeLast()
                    c = line.count
                default: break
                }
            }
            r += 1
            c = 0
            text.append(" ")
        }
        guard depth == 0 else { throw fail("a flow collection is not closed", row: row) }
        try expectLineEnd(row: r, from: c)
        index = r + 1
        var flow = YAMLReader.Flow(scalars: text, line: number(row))
        let value = try flow.node()
        return value
    }
}

extension YAMLReader {
    /// A parser for one flow collection's text.
    struct Flow {
        let scalars: [Unicode.Scalar]
        let line: Int
        var i = 0

        init(scalars: [Unicode.Scalar], line: Int) {
            self.scalars = scalars
            self.line = line
        }

        func fail(_ message: String) -> YAMLReader.Error { YAMLReader.Error(line: line, message) }

        mutating func skipSpaces() {
            while i < scalars.count && (scalars[i] == " " || scalars[i] == "\t") { i += 1 }
        }

        mutating func node() throws(YAMLReader.Error) -> JSONValue {
            skipSpaces()
            guard i < scalars.count else { throw fail("a flow collection ends early") }
            switch scalars[i] {
            case "[":
                i += 1
                var items: [JSONValue] = []
                while true {
                    skipSpaces()
                    if i < scalars.count && scalars[i] == "]" { i += 1; return .array(items) }
                    items.append(try node())
                    skipSpaces()
                    guard i < scalars.count else { throw fail("a flow sequence is not closed") }
                    if scalars[i] == "," { i += 1 } else if scalars[i] != "]" { throw fail("expected ',' or ']'") }
                }
            case "{":
                i += 1
                var object = JSONObject()
                while true {
                    skipSpaces()
                    if i < scalars.count && scalars[i] == "}" { i += 1; return .object(object) }
                    let key = YAMLReader.keyText(try node())
                    skipSpaces()
                    var value = JSONValue.null
                    if i < scalars.count && scalars[i] == ":" {
                        i += 1
                        skipSpaces()
                        if i < scalars.count && scalars[i] != "," && scalars[i] != "}" { value = try node() }
                    }
                    object[key] = value
                    skipSpaces()
                    guard i < scalars.count else { throw fail("a flow mapping is not closed") }
                    if scalars[i] == "," { i += 1 } else if scalars[i] != "}" { throw fail("expected ',' or '}'") }
                }
            case "\"", "'":
                let parser = YAMLReader.Parser(lines: [scalars], numbers: [line])
                guard let (text, _, end) = try? parser.quoted(startRow: 0, column: i) else {
                    throw fail("a quoted value is not closed")
                }
                i = end
                return .string(text)
            default:
                let start = i
                while i < scalars.count {
                    let c = scalars[i]
                    if c == "," || c == "]" || c == "}" { break }
                    if c == ":" && (i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1] == ",") { break }
                    i += 1
                }
                let text = YAMLReader.trimTrailingSpaces(String(String.UnicodeScalarView(scalars[start..<i])))
                return YAMLReader.resolve(plain: text)
            }
        }
    }
}
