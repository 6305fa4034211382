extension TOMLParser {
    mutating func basicString() throws(TOMLError) -> String {
        position += 1
        var out: [UInt8] = []
        while let c = current {
            switch c {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case 0x0A:
                throw fail("unterminated string")
            default:
                out.append(c)
                position += 1
            }
        }
        throw fail("unterminated string")
    }

    mutating func literalString() throws(TOMLError) -> String {
        position += 1
        let start = position
        while let c = current, c != UInt8(ascii: "'") {
            if c == 0x0A { throw fail("unterminated string") }
            position += 1
        }
        guard current != nil else { throw fail("unterminated string") }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return text
    }

    mutating func multilineString(literal: Bool) throws(TOMLError) -> String {
        let quote = literal ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        position += 3
        // A newline right after the opening quotes is not part of the string.
        if current == 0x0D { position += 1 }
        if current == 0x0A {
            position += 1
            line += 1
        }
        var out: [UInt8] = []
        while let c = current {
            if c == quote, bytes[position...].starts(with: [quote, quote, quote]) {
                position += 3
                // Up to two quotes right before the closing three belong to the string.
                var extra = 0
                while extra < 2, current == quote {
                    out.append(quote)
                    position += 1
                    extra += 1
                }
                return String(decoding: out, as: UTF8.self)
            }
            if c == 0x0A { line += 1 }
            if !literal && c == UInt8(ascii: "\\") {
                try escape(into: &out)
                continue
            }
            out.append(c)
            position += 1
        }
        throw fail("unterminated multi-line string")
    }

    private mutating func escape(into out: inout [UInt8]) throws(TOMLError) {
        position += 1
        guard let e = current else { throw fail("unterminated string") }
        position += 1
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "e"): out.append(0x1B)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            guard position + count <= bytes.count,
                let value = UInt32(String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { throw fail("invalid \\u escape") }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            position += count
        case 0x20, 0x09, 0x0A, 0x0D:
            // A backslash at the end of a line in a multi-line string trims the whitespace after it.
            position -= 1
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                if c == 0x0A { line += 1 }
                position += 1
            }
        default:
            throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
        }
    }
}
