import NotebookFormat

/// Reads the YAML that jupytext writes into script headers (PyYAML's `safe_dump`): block
/// mappings and sequences (list items may sit at their key's indentation), plain, single- and
/// double-quoted scalars over several lines, flow collections, literal and folded blocks, and
/// PyYAML's YAML 1.1 types for plain scalars (`true`/`yes`, `~`, `0x1f`, `1.5`, `.inf`).
/// Anchors, aliases, tags and multiple documents are refused with an error.
public enum YAMLReader {
    /// Why the YAML could not be read, with the 1-based line number.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String

        public init(line: Int, _ message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { "line \(line): \(message)" }
    }

    /// The value of a YAML document given as lines; `lineNumbers[i]` is the number reported for
    /// `lines[i]` (by default its 1-based position).
    public static func value(of lines: [String], lineNumbers: [Int]? = nil) throws(Error) -> JSONValue {
        var parser = Parser(
            lines: lines.map { Array($0.unicodeScalars) },
            numbers: lineNumbers ?? Array(1...max(1, lines.count)))
        return try parser.parseDocument()
    }

    /// The value of a YAML document given as text.
    public static func value(of text: String) throws(Error) -> JSONValue {
        try value(of: text.pythonSplitLines(keepEnds: false))
    }
}

extension YAMLReader {
    struct Parser {
        var lines: [[Unicode.Scalar]]
        let numbers: [Int]
        var index = 0

        func number(_ row: Int) -> Int {
            row < numbers.count ? numbers[row] : (numbers.last ?? 0) + 1
        }

        func fail(_ message: String, row: Int? = nil) -> Error {
            Error(line: number(row ?? index), message)
        }

        static func indent(of line: [Unicode.Scalar]) -> Int {
            line.prefix { $0 == " " }.count
        }

        /// True for a line with only spaces, or only a comment.
        static func isEmpty(_ line: [Unicode.Scalar]) -> Bool {
            guard let first = line.first(where: { $0 != " " && $0 != "\t" }) else { return true }
            return first == "#"
        }

        mutating func skipEmpty() {
            while index < lines.count && Parser.isEmpty(lines[index]) { index += 1 }
        }

        mutating func parseDocument() throws(Error) -> JSONValue {
            skipEmpty()
            if index < lines.count, lines[index].starts(with: Array("---".unicodeScalars)) {
                index += 1
                skipEmpty()
            }
            guard index < lines.count else { return .null }
            let value = try parseBlock(indent: Parser.indent(of: lines[index]), parentIndent: -1)
            skipEmpty()
            if index < lines.count {
                throw fail("unexpected content '\(String(String.UnicodeScalarView(lines[index])))' after the document")
            }
            return value
        }

        func isSequenceEntry(_ row: Int, at column: Int) -> Bool {
            isIndicator("-", row, at: column)
        }

        /// `indicator` at `column`, followed by a space or the end of the line.
        func isIndicator(_ indicator: Unicode.Scalar, _ row: Int, at column: Int) -> Bool {
            let line = lines[row]
            guard column < line.count, line[column] == indicator else { return false }
            return column + 1 == line.count || line[column + 1] == " "
        }

        mutating func parseBlock(indent: Int, parentIndent: Int) throws(Error) -> JSONValue {
            if isSequenceEntry(index, at: indent) { return .array(try parseSequence(indent: indent)) }
            let isKey = try mappingKey(row: index, column: indent) != nil
            if isKey || isIndicator("?", index, at: indent) {
                return .object(try parseMapping(indent: indent))
            }
            return try parseValue(row: index, column: indent, parentIndent: parentIndent)
        }

        mutating func parseMapping(indent: Int) throws(Error) -> JSONObject {
            var object = JSONObject()
            while true {
                skipEmpty()
                guard index < lines.count else { break }
                let lineIndent = Parser.indent(of: lines[index])
                if lineIndent < indent { break }
                if lineIndent > indent { throw fail("unexpected indentation") }
                if isSequenceEntry(index, at: indent) { break }
                if isIndicator("?", index, at: indent) {
                    // PyYAML's complex key (empty, multi-line or long): `? key` then `: value`.
                    let key = try parseEntryValue(column: indent + 1, indent: indent, allowSequenceAtIndent: false)
                    skipEmpty()
                    var value = JSONValue.null
                    if index < lines.count, Parser.indent(of: lines[index]) == indent, isIndicator(":", index, at: indent) {
                        value = try parseEntryValue(column: indent + 1, indent: indent, allowSequenceAtIndent: false)
                    }
                    object[YAMLReader.keyText(key)] = value
                    continue
                }
                guard let (key, valueColumn) = try mappingKey(row: index, column: indent) else {
                    throw fail("expected 'key: value'")
                }
                object[key] = try parseEntryValue(column: valueColumn, indent: indent, allowSequenceAtIndent: true)
            }
            return object
        }

        mutating func parseSequence(indent: Int) throws(Error) -> [JSONValue] {
            var items: [JSONValue] = []
            while true {
                skipEmpty()
                guard index < lines.count else { break }
                let lineIndent = Parser.indent(of: lines[index])
                if lineIndent < indent || !isSequenceEntry(index, at: indent) {
                    if lineIndent > indent { throw fail("unexpected indentation") }
                    break
                }
                items.append(try parseEntryValue(column: indent + 1, indent: indent, allowSequenceAtIndent: false))
            }
            return items
        }

        /// The value after `key:` or `-`, starting at `column` of the current line.
        mutating func parseEntryValue(column: Int, indent: Int, allowSequenceAtIndent: Bool) throws(Error) -> JSONValue {
            let line = lines[index]
            var start = column
            while start < line.count && line[start] == " " { start += 1 }
            if start < line.count && line[start] != "#" {
                if !allowSequenceAtIndent {
                    // `- key: value` or `- - x`: the item is a block that starts at `start`.
                    lines[index][indent] = " "
                    return try parseBlock(indent: start, parentIndent: indent)
                }
                return try parseValue(row: index, column: start, parentIndent: indent)
            }
            index += 1
            skipEmpty()
            guard index < lines.count else { return .null }
            let next = Parser.indent(of: lines[index])
            if next > indent { return try parseBlock(indent: next, parentIndent: indent) }
            if next == indent && allowSequenceAtIndent && isSequenceEntry(index, at: indent) {
                return .array(try parseSequence(indent: indent))
            }
            return .null
        }

        /// The key and the column after its colon, when the line holds `key:` at `column`.
        func mappingKey(row: Int, column: Int) throws(Error) -> (String, Int)? {
            let line = lines[row]
            guard column < line.count else { return nil }
            let first = line[column]
            if first == "\"" || first == "'" {
                guard let (key, end) = try quotedOnOneLine(line, from: column) else { return nil }
                var i = end
                while i < line.count && line[i] == " " { i += 1 }
                guard i < line.count, line[i] == ":", i + 1 == line.count || line[i + 1] == " " else { return nil }
                return (key, i + 1)
            }
            if first == "[" || first == "{" || first == "#" || first == "|" || first == ">" { return nil }
            var i = column
            while i < line.count {
                if line[i] == ":" && (i + 1 == line.count || line[i + 1] == " ") {
                    let raw = String(String.UnicodeScalarView(line[column..<i]))
                    let key = YAMLReader.trimTrailingSpaces(raw)
                    return (YAMLReader.keyText(YAMLReader.resolve(plain: key)), i + 1)
                }
                if line[i] == "#" && i > column && line[i - 1] == " " { return nil }
                i += 1
            }
            return nil
        }
    }

    /// The text JSON gives a resolved key (`json.dumps` turns `1` into `"1"`, `True` into `"true"`).
    static func keyText(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.canonicalLiteral
        default: return ""
        }
    }
}

extension YAMLReader {
    static func trimTrailingSpaces(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
