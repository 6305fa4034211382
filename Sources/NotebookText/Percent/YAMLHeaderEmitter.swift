import NotebookFormat

/// The text PyYAML's `yaml.safe_dump(value, default_flow_style=False)` writes for a JSON value,
/// as jupytext puts it in a script header: keys sorted at every level, block style, lists at the
/// indentation of their key, non-ASCII text escaped, lines folded at 80 columns.
struct YAMLHeaderEmitter {
    private var output: [Unicode.Scalar] = []
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var indent = 0
    private let bestWidth = 80

    /// The YAML lines of a mapping (without a final newline split).
    static func lines(of object: JSONObject) -> [String] {
        var emitter = YAMLHeaderEmitter()
        emitter.emitMapping(object, indent: 0)
        let text = String(String.UnicodeScalarView(emitter.output))
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { _ in true }
            .dropLastIfEmpty()
    }

    // MARK: structure

    private mutating func emitMapping(_ object: JSONObject, indent: Int) {
        let entries = object.entries.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
        for entry in entries {
            self.indent = indent
            writeIndent()
            let key = entry.key.unicodeScalars
            if !key.isEmpty && key.count < 128 && !key.contains(where: YAMLHeaderScalar.isBreak) {
                writeScalar(entry.key, isString: true, simpleKey: true)
                writeIndicator(":", needWhitespace: false)
            } else {
                // `check_simple_key` fails: PyYAML writes a complex key, `? key` then `: value`
                writeIndicator("?", needWhitespace: true, indention: true)
                self.indent = indent + 2
                writeScalar(entry.key, isString: true, simpleKey: false)
                self.indent = indent
                writeIndent()
                writeIndicator(":", needWhitespace: true, indention: true)
            }
            emitValue(entry.value, indent: indent, inMapping: true)
        }
    }

    private mutating func emitSequence(_ items: [JSONValue], indent: Int) {
        for item in items {
            self.indent = indent
            writeIndent()
            writeIndicator("-", needWhitespace: true, indention: true)
            emitValue(item, indent: indent, inMapping: false)
        }
    }

    /// A node after `key:` or `- `; `indent` is the indentation of the enclosing collection.
    private mutating func emitValue(_ value: JSONValue, indent: Int, inMapping: Bool) {
        switch value {
        case .object(let object) where object.isEmpty:
            writeIndicator("{", needWhitespace: true)
            writeIndicator("}", needWhitespace: false)
        case .array(let items) where items.isEmpty:
            writeIndicator("[", needWhitespace: true)
            writeIndicator("]", needWhitespace: false)
        case .object(let object):
            emitMapping(object, indent: indent + 2)
        case .array(let items):
            // a sequence in a mapping is indentless unless the key line is already indented
            emitSequence(items, indent: inMapping && !indention ? indent : indent + 2)
        case .string(let s):
            self.indent = indent + 2
            writeScalar(s, isString: true, simpleKey: false)
        case .null:
            self.indent = indent + 2
            writeScalar("null", isString: false, simpleKey: false)
        case .bool(let b):
            self.indent = indent + 2
            writeScalar(b ? "true" : "false", isString: false, simpleKey: false)
        case .number(let n):
            self.indent = indent + 2
            writeScalar(Self.numberText(n), isString: false, simpleKey: false)
        }
    }

    /// `represent_int` / `represent_float` (`.nan`, `.inf`, `1.0e+16`).
    static func numberText(_ n: JSONNumber) -> String {
        if n.isInteger { return n.canonicalLiteral }
        let d = n.doubleValue
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        var text = n.canonicalLiteral.lowercased()
        if !text.contains("."), let e = text.firstIndex(of: "e") {
            text.replaceSubrange(e...e, with: ".0e")
        }
        return text
    }

    // MARK: low-level writer (PyYAML's Emitter)

    private mutating func write(_ text: some Sequence<Unicode.Scalar>) {
        for c in text {
            output.append(c)
            column += 1
        }
    }

    private mutating func write(_ text: String) { write(text.unicodeScalars) }

    private mutating func writeLineBreak() {
        output.append("\n")
        whitespace = true
        indention = true
        column = 0
    }

    private mutating func writeIndent() {
        if !indention || column > indent || (column == indent && !whitespace) {
            writeLineBreak()
        }
        if column < indent {
            whitespace = true
            write(String(repeating: " ", count: indent - column))
        }
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, indention: Bool = false) {
        let data = whitespace || !needWhitespace ? indicator : " " + indicator
        whitespace = false
        self.indention = self.indention && indention
        write(data)
    }

    private mutating func writeScalar(_ text: String, isString: Bool, simpleKey: Bool) {
        let scalar = YAMLHeaderScalar(text, isString: isString)
        switch scalar.style(simpleKey: simpleKey) {
        case .plain: writePlain(scalar.scalars, split: !simpleKey)
        case .singleQuoted: writeSingleQuoted(scalar.scalars, split: !simpleKey)
        case .doubleQuoted: writeDoubleQuoted(scalar.scalars, split: !simpleKey)
        }
    }

    // MARK: scalar writers (`write_plain`, `write_single_quoted`, `write_double_quoted`)

    private mutating func writePlain(_ text: [Unicode.Scalar], split: Bool) {
        if text.isEmpty { return }
        if !whitespace { write(" ") }
        whitespace = false
        indention = false
        var spaces = false, breaks = false
        var start = 0, end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end && column > bestWidth && split {
                        writeIndent()
                        whitespace = false
                        indention = false
                    } else {
                        write(text[start..<end])
                    }
                    start = end
                }
            } else if breaks {
                if ch == nil || !YAMLHeaderScalar.isBreak(ch!) {
                    if text[start] == "\n" { writeLineBreak() }
                    for _ in start..<end { writeLineBreak() }
                    writeIndent()
                    whitespace = false
                    indention = false
                    start = end
                }
            } else if ch == nil || ch == " " || YAMLHeaderScalar.isBreak(ch!) {
                write(text[start..<end])
                start = end
            }
            if let ch {
                spaces = ch == " "
                breaks = YAMLHeaderScalar.isBreak(ch)
            }
            end += 1
        }
    }

    private mutating func writeSingleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("'", needWhitespace: true)
        var spaces = false, breaks = false
        var start = 0, end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end && column > bestWidth && split && start != 0 && end != text.count {
                        writeIndent()
                    } else {
                        write(text[start..<end])
                    }
                    start = end
                }
            } else if breaks {
                if ch == nil || !YAMLHeaderScalar.isBreak(ch!) {
                    if text[start] == "\n" { writeLineBreak() }
                    for _ in start..<end { writeLineBreak() }
                    writeIndent()
                    start = end
                }
            } else if ch == nil || ch == " " || ch == "'" || YAMLHeaderScalar.isBreak(ch!) {
                if start < end {
                    write(text[start..<end])
                    start = end
                }
            }
            if ch == "'" {
                write("''")
                start = end + 1
            }
            if let ch {
                spaces = ch == " "
                breaks = YAMLHeaderScalar.isBreak(ch)
            }
            end += 1
        }
        writeIndicator("'", needWhitespace: false)
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\t": "t", "\n": "n", "\u{0B}": "v", "\u{0C}": "f",
        "\r": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N", "\u{A0}": "_",
        "\u{2028}": "L", "\u{2029}": "P",
    ]

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("\"", needWhitespace: true)
        var start = 0, end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if let c = ch, c != "\"", c != "\\", c.value >= 0x20, c.value <= 0x7E {
                // printable ASCII: written as is
            } else {
                if start < end {
                    write(text[start..<end])
                    start = end
                }
                if let c = ch {
                    let data: String
                    if let short = Self.escapes[c] {
                        data = "\\" + short
                    } else if c.value <= 0xFF {
                        data = "\\x" + Self.hex(c.value, digits: 2)
                    } else if c.value <= 0xFFFF {
                        data = "\\u" + Self.hex(c.value, digits: 4)
                    } else {
                        data = "\\U" + Self.hex(c.value, digits: 8)
                    }
                    write(data)
                    start = end + 1
                }
            }
            if end > 0 && end < text.count - 1 && (ch == " " || start >= end)
                && column + (end - start) > bestWidth && split
            {
                if start < end { write(text[start..<end]) }  // Python's text[start:end] is empty then
                write("\\")
                if start < end { start = end }
                writeIndent()
                whitespace = false
                indention = false
                if text[start] == " " { write("\\") }
            }
            end += 1
        }
        writeIndicator("\"", needWhitespace: false)
    }
}

extension Array where Element == String {
    fileprivate func dropLastIfEmpty() -> [String] {
        last == "" ? Array(dropLast()) : self
    }
}
