/// A TOML 1.0 reader, enough for `quire.toml` and the `pyproject.toml` files teams write:
/// tables, arrays of tables, dotted keys, all string forms, numbers, booleans, arrays and
/// inline tables. Dates are kept as text.
public struct TOMLParser {
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(Array(text.utf8))
        return try parser.document()
    }

    let bytes: [UInt8]
    var position = 0
    var line = 1
    private var root = TOMLTable()
    /// The path of the table that `key = value` lines currently go to.
    var currentPath: [String] = []

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func document() throws(TOMLError) -> TOMLTable {
        while true {
            skipSpaceCommentsAndNewlines()
            guard let c = current else { return root }
            if c == UInt8(ascii: "[") {
                try tableHeader()
            } else {
                let keyLine = line
                let path = try dottedKey()
                skipSpaces()
                guard current == UInt8(ascii: "=") else { throw fail("expected '=' after the key") }
                position += 1
                skipSpaces()
                let value = try self.value()
                try insert(value, at: currentPath + path, line: keyLine)
                try endOfLine()
            }
        }
    }

    private mutating func tableHeader() throws(TOMLError) {
        position += 1
        let isArray = current == UInt8(ascii: "[")
        if isArray { position += 1 }
        skipSpaces()
        let path = try dottedKey()
        skipSpaces()
        guard current == UInt8(ascii: "]") else { throw fail("expected ']' to close the table header") }
        position += 1
        if isArray {
            guard current == UInt8(ascii: "]") else { throw fail("expected ']]' to close the table header") }
            position += 1
            try appendArrayTable(at: path)
        } else {
            try ensureTable(at: path)
        }
        currentPath = path
        try endOfLine()
    }

    // MARK: Building the tree

    private mutating func insert(_ value: TOMLValue, at path: [String], line keyLine: Int) throws(TOMLError) {
        root = try Self.inserting(value, at: path[...], into: root, line: keyLine)
    }

    private static func inserting(_ value: TOMLValue, at path: ArraySlice<String>, into table: TOMLTable, line: Int) throws(TOMLError) -> TOMLTable {
        var table = table
        guard let key = path.first else { return table }
        if path.count == 1 {
            if table[key] != nil, case .table = value {} else if table[key] != nil {
                throw TOMLError(line: line, message: "the key '\(key)' is defined twice")
            }
            table.set(key, value, line: line)
            return table
        }
        let rest = path.dropFirst()
        switch table[key] {
        case nil:
            table.set(key, .table(try inserting(value, at: rest, into: TOMLTable(), line: line)), line: line)
        case .table(let child):
            table.set(key, .table(try inserting(value, at: rest, into: child, line: line)), line: line)
        case .array(var items):
            // Keys under an array of tables go to its last element.
            guard case .table(let last)? = items.last else {
                throw TOMLError(line: line, message: "'\(key)' is not a table")
            }
            items[items.count - 1] = .table(try inserting(value, at: rest, into: last, line: line))
            table.set(key, .array(items), line: line)
        default:
            throw TOMLError(line: line, message: "'\(key)' is not a table")
        }
        return table
    }

    private mutating func ensureTable(at path: [String]) throws(TOMLError) {
        if root.table(at: path) != nil { return }
        try insert(.table(TOMLTable()), at: path, line: line)
    }

    private mutating func appendArrayTable(at path: [String]) throws(TOMLError) {
        guard let last = path.last else { return }
        let parentPath = Array(path.dropLast())
        var existing: [TOMLValue] = []
        if case .array(let items)? = (parentPath.isEmpty ? root : root.table(at: parentPath))?[last] {
            existing = items
        }
        existing.append(.table(TOMLTable()))
        if parentPath.isEmpty {
            root.set(last, .array(existing), line: line)
        } else {
            try ensureTable(at: parentPath)
            root = try Self.replacing(.array(existing), at: path[...], in: root, line: line)
        }
    }

    private static func replacing(_ value: TOMLValue, at path: ArraySlice<String>, in table: TOMLTable, line: Int) throws(TOMLError) -> TOMLTable {
        var table = table
        guard let key = path.first else { return table }
        if path.count == 1 {
            table.set(key, value, line: line)
        } else if case .table(let child)? = table[key] {
            table.set(key, .table(try replacing(value, at: path.dropFirst(), in: child, line: line)), line: line)
        } else {
            throw TOMLError(line: line, message: "'\(key)' is not a table")
        }
        return table
    }

    // MARK: Lexing

    private mutating func skipSpaces() {
        while let c = current, c == 0x20 || c == 0x09 { position += 1 }
    }

    private mutating func skipComment() {
        guard current == UInt8(ascii: "#") else { return }
        while let c = current, c != 0x0A { position += 1 }
    }

    private mutating func skipSpaceCommentsAndNewlines() {
        while true {
            skipSpaces()
            skipComment()
            if current == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
            guard current == 0x0A else { return }
            position += 1
            line += 1
        }
    }

    private mutating func endOfLine() throws(TOMLError) {
        skipSpaces()
        skipComment()
        if current == 0x0D { position += 1 }
        guard let c = current else { return }
        guard c == 0x0A else { throw fail("unexpected text after the value") }
    }

    private mutating func dottedKey() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            parts.append(try simpleKey())
            skipSpaces()
            guard current == UInt8(ascii: ".") else { return parts }
            position += 1
        }
    }

    private mutating func simpleKey() throws(TOMLError) -> String {
        if current == UInt8(ascii: "\"") { return try basicString() }
        if current == UInt8(ascii: "'") { return try literalString() }
        let start = position
        while let c = current, isBareKeyByte(c) { position += 1 }
        guard position > start else { throw fail("expected a key") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
    }

    private mutating func value() throws(TOMLError) -> TOMLValue {
        guard let c = current else { throw fail("expected a value") }
        switch c {
        case UInt8(ascii: "\""): return .string(try startsWith("\"\"\"") ? multilineString(literal: false) : basicString())
        case UInt8(ascii: "'"): return .string(try startsWith("'''") ? multilineString(literal: true) : literalString())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try inlineTable()
        default: return try scalar()
        }
    }

    private func startsWith(_ text: String) -> Bool {
        bytes[position...].starts(with: text.utf8)
    }

    private mutating func scalar() throws(TOMLError) -> TOMLValue {
        let start = position
        while let c = current, !(c == 0x2C || c == 0x5D || c == 0x7D || c == 0x0A || c == 0x0D || c == 0x23) {
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self).trimmingTrailingSpaces()
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        let digits = text.replacingUnderscores()
        if let int = Self.integer(digits) { return .integer(int) }
        if let double = Double(digits), text.first != "." { return .float(double) }
        if ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(text) { return .float(Double(text.replacingOccurrencesOfPlus()) ?? .nan) }
        if let first = text.first, first.isNumber, text.contains("-") || text.contains(":") { return .dateTime(text) }
        throw fail("'\(text)' is not a TOML value (strings need quotes)")
    }

    private static func integer(_ text: String) -> Int? {
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            return Int(text.dropFirst(2), radix: radix)
        }
        return Int(text)
    }

    private mutating func array() throws(TOMLError) -> TOMLValue {
        position += 1
        var items: [TOMLValue] = []
        while true {
            skipSpaceCommentsAndNewlines()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            items.append(try value())
            skipSpaceCommentsAndNewlines()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current != UInt8(ascii: "]") {
                throw fail("expected ',' or ']' in the array")
            }
        }
    }

    private mutating func inlineTable() throws(TOMLError) -> TOMLValue {
        position += 1
        var table = TOMLTable()
        skipSpaces()
        if current == UInt8(ascii: "}") {
            position += 1
            return .table(table)
        }
        while true {
            skipSpaces()
            let path = try dottedKey()
            skipSpaces()
            guard current == UInt8(ascii: "=") else { throw fail("expected '=' in the inline table") }
            position += 1
            skipSpaces()
            table = try Self.inserting(try value(), at: path[...], into: table, line: line)
            skipSpaces()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current == UInt8(ascii: "}") {
                position += 1
                return .table(table)
            } else {
                throw fail("expected ',' or '}' in the inline table")
            }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }

    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }

    fileprivate func replacingOccurrencesOfPlus() -> String { String(filter { $0 != "+" }) }
}
