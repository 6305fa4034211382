/// Writes JSON byte for byte as Python's
/// `json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=…)`.
public struct JSONWriter: Sendable {
    /// Escape every character outside printable ASCII as `\uXXXX` (nbformat v2/v3 files do).
    public var ensureASCII: Bool
    /// Spaces per nesting level; `nil` writes everything on one line (`separators=(",", ":")`).
    public var indent: Int?
    public var sortKeys: Bool

    public init(ensureASCII: Bool = false, indent: Int? = 1, sortKeys: Bool = true) {
        self.ensureASCII = ensureASCII
        self.indent = indent
        self.sortKeys = sortKeys
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        // Reserving about the final size up front avoids growing a 20 MB buffer by doubling,
        // which would briefly hold both the old and the new copy.
        let estimate = estimatedSize(of: value, level: 0)
        var out: [UInt8] = []
        out.reserveCapacity(estimate + estimate / 32 + 4096)
        write(value, level: 0, into: &out)
        return out
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// About how many bytes `value` takes when written: exact but for escapes and non-ASCII
    /// escaped as `\uXXXX`. Cheap: native strings know their UTF-8 length.
    func estimatedSize(of value: JSONValue, level: Int) -> Int {
        let lineStart = 1 + (indent ?? 0) * (level + 1)
        switch value {
        case .null: return 4
        case .bool: return 5
        case .number(let n): return n.literal.utf8.count
        case .string(let s): return s.utf8.count + 2
        case .array(let items):
            return items.reduce(2 + lineStart) { $0 + lineStart + 1 + estimatedSize(of: $1, level: level + 1) }
        case .object(let object):
            return object.entries.reduce(2 + lineStart) {
                $0 + lineStart + 4 + $1.key.utf8.count + estimatedSize(of: $1.value, level: level + 1)
            }
        }
    }

    func write(_ value: JSONValue, level: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.canonicalLiteral.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, into: &out)
                write(element, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            var entries = object.entries
            // Python sorts by code point; UTF-8 byte order is the same order. Files written by
            // nbformat are sorted already, so check before sorting.
            let inOrder: (JSONObject.Entry, JSONObject.Entry) -> Bool = { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            if sortKeys && !zip(entries, entries.dropFirst()).allSatisfy({ inOrder($0, $1) }) {
                entries.sort(by: inOrder)
            }
            for (i, entry) in entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, into: &out)
                writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(entry.value, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let newlineAndSpaces: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 256)

    private func newline(_ level: Int, into out: inout [UInt8]) {
        guard let indent else { return }
        var count = 1 + level * indent
        JSONWriter.newlineAndSpaces.withUnsafeBufferPointer { spaces in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[0..<min(count, spaces.count)]))
            count -= spaces.count
            while count > 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[1..<min(count + 1, spaces.count)]))
                count -= spaces.count - 1
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func appendUnicodeEscape(_ unit: UInt16, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(JSONWriter.hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }

    /// Appends `string` as a JSON string literal, escaped as this writer escapes.
    public func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if ensureASCII {
            for unit in string.utf16 {
                switch unit {
                case 0x22: Self.appendEscape(0x22, into: &out)
                case 0x5C: Self.appendEscape(0x5C, into: &out)
                case 0x20...0x7E: out.append(UInt8(unit))
                default: appendEscapedControl(unit, into: &out)
                }
            }
        } else {
            var copy = string
            copy.withUTF8 { appendEscaped($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func appendEscape(_ letter: UInt8, into out: inout [UInt8]) {
        out.append(0x5C)
        out.append(letter)
    }

    private func appendEscapedControl(_ unit: UInt16, into out: inout [UInt8]) {
        switch unit {
        case 0x0A: Self.appendEscape(UInt8(ascii: "n"), into: &out)
        case 0x0D: Self.appendEscape(UInt8(ascii: "r"), into: &out)
        case 0x09: Self.appendEscape(UInt8(ascii: "t"), into: &out)
        case 0x08: Self.appendEscape(UInt8(ascii: "b"), into: &out)
        case 0x0C: Self.appendEscape(UInt8(ascii: "f"), into: &out)
        default: appendUnicodeEscape(unit, into: &out)
        }
    }

    private func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        while i < buffer.count {
            i = ByteScan.skipWords(buffer, from: i) { !ByteScan.needsJSONAttention($0) }
            guard i < buffer.count else { break }
            let b = buffer[i]
            i += 1
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            let at = i - 1
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<at]))
            switch b {
            case 0x22: Self.appendEscape(0x22, into: &out)
            case 0x5C: Self.appendEscape(0x5C, into: &out)
            default: appendEscapedControl(UInt16(b), into: &out)
            }
            runStart = at + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
    }
}
