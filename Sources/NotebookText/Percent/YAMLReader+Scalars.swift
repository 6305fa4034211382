import NotebookFormat

extension YAMLReader.Parser {
    /// A scalar or flow collection that starts at `column` of `row`; continuation lines must be
    /// indented more than `parentIndent`. Leaves `index` on the line after the value.
    mutating func parseValue(row: Int, column: Int, parentIndent: Int) throws(YAMLReader.Error) -> JSONValue {
        index = row
        let first = lines[row][column]
        switch first {
        case "\"", "'":
            let (text, endRow, endColumn) = try quoted(startRow: row, column: column)
            try expectLineEnd(row: endRow, from: endColumn)
            index = endRow + 1
            return .string(text)
        case "[", "{":
            return try parseFlow(row: row, column: column)
        case "|", ">":
            return .string(try blockScalar(row: row, column: column, parentIndent: parentIndent))
        case "&", "*", "!", "%", "@", "`":
            throw fail("YAML anchors, aliases, tags and reserved indicators are not supported")
        default:
            let text = plain(row: row, column: column, parentIndent: parentIndent)
            if text.contains(": ") || text.hasSuffix(":") {
                throw fail("mapping values are not allowed here (quote a value that holds ': ')", row: row)
            }
            return YAMLReader.resolve(plain: text)
        }
    }

    func expectLineEnd(row: Int, from column: Int) throws(YAMLReader.Error) {
        let rest = lines[row][column...]
        guard let first = rest.first(where: { $0 != " " && $0 != "\t" }) else { return }
        if first == "#", rest.first == " " || rest.first == "\t" { return }
        throw fail("unexpected text after a quoted value", row: row)
    }

    /// A plain scalar, folded over its continuation lines.
    mutating func plain(row: Int, column: Int, parentIndent: Int) -> String {
        var text = YAMLReader.trimTrailingSpaces(Self.cutComment(lines[row], from: column))
        var next = row + 1
        var breaks = 0
        while next < lines.count {
            let line = lines[next]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                breaks += 1
                next += 1
                continue
            }
            let indent = Self.indent(of: line)
            if indent <= parentIndent || line[indent] == "#" { break }
            text += breaks == 0 ? " " : String(repeating: "\n", count: breaks)
            text += YAMLReader.trimTrailingSpaces(Self.cutComment(line, from: indent))
            breaks = 0
            next += 1
            index = next - 1
        }
        index = max(index, row) + 1
        return text
    }

    static func cutComment(_ line: [Unicode.Scalar], from column: Int) -> String {
        var end = column
        while end < line.count {
            if line[end] == "#" && end > column && (line[end - 1] == " " || line[end - 1] == "\t") { break }
            end += 1
        }
        return String(String.UnicodeScalarView(line[column..<end]))
    }

    /// A quoted scalar on one line (for keys): the text and the column after the closing quote.
    func quotedOnOneLine(_ line: [Unicode.Scalar], from column: Int) throws(YAMLReader.Error) -> (String, Int)? {
        var copy = self
        copy.lines = [line]
        guard let (text, endRow, endColumn) = try? copy.quoted(startRow: 0, column: column), endRow == 0 else {
            return nil
        }
        return (text, endColumn)
    }

    /// A single- or double-quoted scalar from `column`, possibly over several lines: the text,
    /// and the row and column after the closing quote.
    func quoted(startRow: Int, column: Int) throws(YAMLReader.Error) -> (String, Int, Int) {
        let quote = lines[startRow][column]
        var out: [Unicode.Scalar] = []
        var protected = 0  // escapes are never trimmed as trailing white space
        var row = startRow
        var i = column + 1
        while true {
            let line = lines[row]
            var joined = false
            while i < line.count {
                let c = line[i]
                if quote == "'" && c == "'" {
                    if i + 1 < line.count && line[i + 1] == "'" {
                        out.append("'")
                        i += 2
                        protected = out.count
                        continue
                    }
                    return (String(String.UnicodeScalarView(out)), row, i + 1)
                }
                if quote == "\"" && c == "\"" { return (String(String.UnicodeScalarView(out)), row, i + 1) }
                if quote == "\"" && c == "\\" {
                    if i + 1 == line.count {
                        // An escaped line break: the next line follows without a space.
                        guard let (nextRow, start, breaks) = nextContinuation(after: row) else {
                            throw fail("a quoted value is not closed", row: startRow)
                        }
                        out += Array(repeating: "\n", count: breaks)
                        protected = out.count
                        row = nextRow
                        i = start
                        joined = true
                        break
                    }
                    let (scalars, length) = try escape(line, at: i + 1, row: row)
                    out += scalars
                    protected = out.count
                    i += 1 + length
                    continue
                }
                out.append(c)
                i += 1
            }
            if joined { continue }
            // End of line inside the quotes: fold the line break.
            while out.count > protected, let last = out.last, last == " " || last == "\t" { out.removeLast() }
            guard let (nextRow, start, breaks) = nextContinuation(after: row) else {
                throw fail("a quoted value is not closed", row: startRow)
            }
            if breaks == 0 { out.append(" ") } else { out += Array(repeating: "\n", count: breaks) }
            row = nextRow
            i = start
        }
    }

    /// The next non-blank line after `row`, its first non-space column and the number of blank
    /// lines skipped.
    func nextContinuation(after row: Int) -> (Int, Int, Int)? {
        var next = row + 1
        var breaks = 0
        while next < lines.count {
            let line = lines[next]
            if let start = line.firstIndex(where: { $0 != " " && $0 != "\t" }) { return (next, start, breaks) }
            breaks += 1
            next += 1
        }
        return nil
    }

    /// A double-quoted escape after the backslash: its scalars and how many characters it used.
    func escape(_ line: [Unicode.Scalar], at i: Int, row: Int) throws(YAMLReader.Error) -> ([Unicode.Scalar], Int) {
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}",
            "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
            "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
        ]
        let c = line[i]
        if let s = simple[c] { return ([s], 1) }
        let width: Int
        switch c {
        case "x": width = 2
        case "u": width = 4
        case "U": width = 8
        default: throw fail("unknown escape '\\\(c)' in a double-quoted value", row: row)
        }
        guard i + width < line.count,
            let value = UInt32(String(String.UnicodeScalarView(line[(i + 1)...(i + width)])), radix: 16),
            let scalar = Unicode.Scalar(value)
        else {
            throw fail("a '\\\(c)' escape needs \(width) hex digits", row: row)
        }
        return ([scalar], 1 + width)
    }

    /// A literal (`|`) or folded (`>`) block scalar with optional chomping and indentation indicators.
    mutating func blockScalar(row: Int, column: Int, parentIndent: Int) throws(YAMLReader.Error) -> String {
        let header = lines[row]
        let folded = header[column] == ">"
        var chomp: Unicode.Scalar = " "
        var explicitIndent: Int?
        var i = column + 1
        while i < header.count, header[i] != " " {
            let c = header[i]
            if c == "-" || c == "+" { chomp = c } else if let d = Int(String(c)), d > 0 { explicitIndent = d } else {
                throw fail("bad block scalar header")
            }
            i += 1
        }
        try expectLineEnd(row: row, from: i)
        var content: [String] = []
        var indent = explicitIndent.map { max(parentIndent, 0) + $0 }
        var next = row + 1
        while next < lines.count {
            let line = lines[next]
            let blank = line.allSatisfy { $0 == " " }
            if !blank {
                let lineIndent = Self.indent(of: line)
                if indent == nil { indent = lineIndent }
                if lineIndent < (indent ?? 0) || lineIndent <= parentIndent { break }
            }
            let drop = min(indent ?? 0, line.count)
            content.append(blank && line.count <= drop ? "" : String(String.UnicodeScalarView(line[drop...])))
            next += 1
        }
        index = next
        var trailing = 0
        while let last = content.last, last.isEmpty {
            content.removeLast()
            trailing += 1
        }
        var text = folded ? Self.fold(content) : content.joined(separator: "\n")
        if content.isEmpty { return chomp == "+" ? String(repeating: "\n", count: trailing) : "" }
        switch chomp {
        case "-": break
        case "+": text += String(repeating: "\n", count: trailing + 1)
        default: text += "\n"
        }
        return text
    }

    static func fold(_ lines: [String]) -> String {
        var text = ""
        var previousWasText = false
        for line in lines {
            let moreIndented = line.hasPrefix(" ") || line.hasPrefix("\t")
            if line.isEmpty {
                text += "\n"
                previousWasText = false
                continue
            }
            if previousWasText && !moreIndented { text += " " } else if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += line
            previousWasText = !moreIndented
        }
        return text
    }
}
