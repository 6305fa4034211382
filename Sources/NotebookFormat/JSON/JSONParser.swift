/// Reads JSON the way Python's `json.loads` does: `NaN`, `Infinity` and `-Infinity` are accepted,
/// raw control characters inside strings are not, duplicate keys keep the last value.
public struct JSONParser {
    /// Nesting deeper than this is refused instead of exhausting the stack.
    public static let maximumDepth = 1000

    /// Parses a JSON document. Long strings are shared with earlier documents parsed with the
    /// same `pool`, if one is given.
    public static func parse(_ bytes: [UInt8], pool: StringPool? = nil) throws(JSONParseError) -> JSONValue {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                var parser = JSONParser(buffer, pool: pool)
                return try parser.parseDocument()
            }
        } catch let error as JSONParseError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let pool: StringPool?
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, pool: StringPool?) {
        self.bytes = bytes
        self.pool = pool
    }

    private func fail(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError.at(offset ?? position, in: bytes, message)
    }

    private mutating func parseDocument() throws -> JSONValue {
        // A UTF-8 byte order mark is tolerated (editors on Windows write one).
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count { throw fail("extra data after the JSON value") }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard position < bytes.count else { throw fail("expecting a value, found the end of the file") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .number(JSONNumber(literal: "NaN"))
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .number(JSONNumber(literal: "Infinity"))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "<") where startsWith("<<<<<<<"):
            throw fail("git conflict marker '<<<<<<<': this file holds an unresolved git merge")
        default: throw fail("expecting a value")
        }
    }

    private func startsWith(_ word: String) -> Bool {
        var i = position
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    private mutating func expectWord(_ word: String) throws {
        guard startsWith(word) else { throw fail("expecting a value") }
        position += word.utf8.count
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw fail("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var entries: [JSONObject.Entry] = []
        var indexByKey: [String: Int]? = nil
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(JSONObject(uniqueEntries: entries))
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw fail("expecting a property name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw fail("expecting ':' after a property name")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            // Python's dict keeps a duplicate key at its first position with the last value.
            if entries.count >= 16, indexByKey == nil {
                indexByKey = Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
            }
            if let existing = indexByKey != nil ? indexByKey?[key] : entries.firstIndex(where: { $0.key == key }) {
                entries[existing].value = value
            } else {
                indexByKey?[key] = entries.count
                entries.append(JSONObject.Entry(key: key, value: value))
            }
            skipWhitespace()
            guard position < bytes.count else { throw fail("expecting ',' or '}', found the end of the file") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(JSONObject(uniqueEntries: entries))
            }
            throw fail("expecting ',' or '}' after an object member")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw fail("expecting ',' or ']', found the end of the file") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            throw fail("expecting ',' or ']' after an array element")
        }
    }

    private mutating func parseNumber() throws -> JSONNumber {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if startsWith("Infinity") {
                position += 8
                return JSONNumber(literal: "-Infinity")
            }
        }
        guard position < bytes.count, isDigit(bytes[position]) else { throw fail("expecting a value", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            let dot = position
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                position = dot  // Python stops before a dot without digits: "extra data"
                return literal(from: start)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            let mark = position
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                position = mark
                return literal(from: start)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        return literal(from: start)
    }

    private func literal(from start: Int) -> JSONNumber {
        JSONNumber(literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func parseString() throws -> String {
        let open = position
        position += 1
        let start = position
        var sawNonASCII = false
        // Fast path: no escapes. Eight bytes at a time while none of them ends or escapes.
        position = ByteScan.skipWords(bytes, from: position) { word in
            if word & ByteScan.highs != 0 { sawNonASCII = true }
            return !ByteScan.needsJSONAttention(word)
        }
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return try makeString(slice, validating: sawNonASCII, offset: start)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("invalid control character in a string (write it as an escape such as \\n)") }
            if b >= 0x80 { sawNonASCII = true }
            position += 1
        }
        guard position < bytes.count else { throw fail("unterminated string", at: open) }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return try buffer.withUnsafeBufferPointer { try makeString($0, validating: sawNonASCII, offset: start) }
            }
            if b < 0x20 { throw fail("invalid control character in a string (write it as an escape such as \\n)") }
            if b >= 0x80 { sawNonASCII = true }
            if b != UInt8(ascii: "\\") {
                buffer.append(b)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): try appendUnicodeEscape(to: &buffer)
            default: throw fail("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string", at: position - 2)
            }
        }
        throw fail("unterminated string", at: open)
    }

    private mutating func readHex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("invalid \\u escape: expecting four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape: expecting four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func appendUnicodeEscape(to buffer: inout [UInt8]) throws {
        let escapeStart = position - 2
        var scalarValue = try readHex4()
        if (0xD800...0xDBFF).contains(scalarValue) {
            guard startsWith("\\u") else {
                throw fail("lone surrogate escape in a string; notebooks must be valid Unicode", at: escapeStart)
            }
            position += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail("lone surrogate escape in a string; notebooks must be valid Unicode", at: escapeStart)
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalarValue) {
            throw fail("lone surrogate escape in a string; notebooks must be valid Unicode", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw fail("invalid \\u escape", at: escapeStart) }
        buffer.append(contentsOf: UTF8.encode(scalar)!)
    }

    private func makeString(_ slice: UnsafeBufferPointer<UInt8>, validating: Bool, offset: Int) throws -> String {
        if let pool, slice.count >= StringPool.minimumLength {
            var failed = false
            let string = pool.intern(slice) {
                if !validating { return String(decoding: slice, as: UTF8.self) }
                guard let valid = String(validating: slice, as: UTF8.self) else {
                    failed = true
                    return ""
                }
                return valid
            }
            if !failed { return string }
        }
        if !validating { return String(decoding: slice, as: UTF8.self) }
        if let string = String(validating: slice, as: UTF8.self) { return string }
        throw fail("bytes that are not valid UTF-8; save the file as UTF-8", at: offset + UTF8Check.firstInvalidOffset(slice))
    }
}

enum UTF8Check {
    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count,
                String(validating: UnsafeBufferPointer(rebasing: bytes[i..<i + length]), as: UTF8.self) != nil
            else { return i }
            i += length
        }
        return bytes.count
    }
}
