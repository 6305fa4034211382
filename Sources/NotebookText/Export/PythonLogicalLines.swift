/// One logical line of Python: physical lines joined by open brackets, backslashes and
/// triple-quoted strings, as Python's tokenizer joins them.
struct PythonLogicalLine: Sendable, Equatable {
    /// The index of its first physical line, from 0.
    var firstLine: Int
    /// The UTF-8 bytes of the line (physical lines joined with their line breaks).
    var text: [UInt8]
    /// `text` with comments and the insides of string literals turned into spaces (quotes
    /// kept), so `=`, `:`, `;` and brackets are found without being fooled by them.
    var code: [UInt8]

    /// Spaces and tabs before the first character; 0 at the top level of a module.
    var indent: Int { text.prefix { $0 == 0x20 || $0 == 0x09 }.count }
    /// Only whitespace and comments.
    var isBlank: Bool { code.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C } }
    /// The first physical line, without its line break.
    var firstPhysicalLine: [UInt8] { Array(text.prefix { $0 != 0x0A }) }
    var firstPhysicalCode: [UInt8] { Array(code.prefix { $0 != 0x0A }) }
}

/// Splits Python source into logical lines with a small tokenizer: string literals (any
/// prefix, single or triple quotes), comments, brackets and backslash continuations.
enum PythonLogicalLines {
    static func split(_ source: String) -> [PythonLogicalLine] {
        let bytes = Array(source.utf8)
        var scanner = Scanner()
        var i = 0
        while i < bytes.count { i = scanner.step(bytes, i) }
        scanner.finish()
        return scanner.lines
    }

    private struct Scanner {
        var lines: [PythonLogicalLine] = []
        var text: [UInt8] = []
        var code: [UInt8] = []
        var first = 0
        var physical = 0
        var depth = 0
        /// The quote character and whether it is tripled, inside a string literal.
        var quote: (byte: UInt8, triple: Bool)?

        mutating func append(_ byte: UInt8, masked: Bool = false) {
            text.append(byte)
            code.append(masked && byte != 0x0A ? 0x20 : byte)
            if byte == 0x0A { physical += 1 }
        }

        mutating func finish() {
            if !text.isEmpty || physical > first {
                lines.append(PythonLogicalLine(firstLine: first, text: text, code: code))
            }
            text = []
            code = []
            depth = 0
            first = physical
        }

        /// Consumes one token-ish piece starting at `i`; returns the next position.
        mutating func step(_ b: [UInt8], _ i: Int) -> Int {
            let c = b[i]
            if let q = quote {
                if c == 0x5C, i + 1 < b.count {  // backslash: the next byte never ends the string
                    append(c, masked: true)
                    append(b[i + 1], masked: true)
                    return i + 2
                }
                if q.triple, c == q.byte, i + 2 < b.count, b[i + 1] == c, b[i + 2] == c {
                    for _ in 0..<3 { append(c) }
                    quote = nil
                    return i + 3
                }
                if !q.triple, c == q.byte {
                    append(c)
                    quote = nil
                    return i + 1
                }
                if !q.triple, c == 0x0A {  // an unterminated one-line string ends at the line break
                    quote = nil
                    return i
                }
                append(c, masked: true)
                return i + 1
            }
            switch c {
            case 0x23:  // '#': a comment to the end of the line
                var j = i
                while j < b.count, b[j] != 0x0A {
                    append(b[j], masked: true)
                    j += 1
                }
                return j
            case 0x22, 0x27:  // a quote
                let triple = i + 2 < b.count && b[i + 1] == c && b[i + 2] == c
                for _ in 0..<(triple ? 3 : 1) { append(c) }
                quote = (c, triple)
                return i + (triple ? 3 : 1)
            case 0x28, 0x5B, 0x7B:
                depth += 1
            case 0x29, 0x5D, 0x7D:
                depth = max(0, depth - 1)
            case 0x5C where i + 1 < b.count && (b[i + 1] == 0x0A || b[i + 1] == 0x0D):
                append(c)
                if b[i + 1] == 0x0D, i + 2 < b.count, b[i + 2] == 0x0A {
                    append(0x0D)
                    append(0x0A)
                    return i + 3
                }
                append(b[i + 1])
                return i + 2
            case 0x0A where depth == 0:
                physical += 1
                finish()
                return i + 1
            default:
                break
            }
            append(c)
            return i + 1
        }
    }
}

extension PythonLogicalLine {
    /// The statements of the line split at `;` outside brackets, as ranges of `code`.
    var statements: [Range<Int>] {
        var result: [Range<Int>] = []
        var depth = 0
        var start = 0
        for (i, c) in code.enumerated() {
            switch c {
            case 0x28, 0x5B, 0x7B: depth += 1
            case 0x29, 0x5D, 0x7D: depth = max(0, depth - 1)
            case 0x3B where depth == 0:
                result.append(start..<i)
                start = i + 1
            default: break
            }
        }
        result.append(start..<code.count)
        return result
    }
}
