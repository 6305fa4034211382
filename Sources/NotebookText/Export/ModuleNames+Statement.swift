/// One top-level simple statement, for the assignment targets `make_all` collects
/// (`ast.Assign`, `ast.AnnAssign`, `ast.AugAssign`) and the values of `_all_ = [...]`.
struct Statement {
    /// The statement as written, and with strings and comments blanked (same length).
    var text: [UInt8]
    var code: [UInt8]

    /// Keywords that start statements which are not assignments.
    static let keywords: Set<String> = [
        "import", "from", "if", "elif", "else", "for", "while", "with", "try", "except", "finally",
        "return", "raise", "del", "pass", "assert", "global", "nonlocal", "break", "continue",
        "yield", "await", "lambda", "not", "def", "class", "async", "print",
    ]

    /// The simple names assigned at the top level, in order (`a = b = 1` gives a, b;
    /// `x, (y, z) = ...` gives x: nested tuples, attributes and subscripts have no name).
    func assignmentTargets() -> [String] {
        if let first = ModuleNames.leadingWords(code, count: 1).first, Self.keywords.contains(first) { return [] }
        let (equals, augmented) = assignmentEquals()
        if let augmented {
            return simpleName(0..<augmented).map { [$0] } ?? []
        }
        guard !equals.isEmpty else {
            // `n: int` (an annotation without a value) still names a target
            guard let colon = topLevel(UInt8(ascii: ":"), in: 0..<code.count) else { return [] }
            return simpleName(0..<colon).map { [$0] } ?? []
        }
        var targets: [String] = []
        var start = 0
        for (index, position) in equals.enumerated() {
            let segment = start..<position
            if index == 0, let colon = topLevel(UInt8(ascii: ":"), in: segment) {
                guard let name = simpleName(segment.lowerBound..<colon) else { return [] }
                return [name]  // `x: int = 1`: one target
            }
            guard let names = targetNames(segment) else { break }  // `f = lambda x=1: x` stops here
            targets += names
            start = position + 1
        }
        return targets
    }

    /// The strings and names of `_all_ = [...]` (or a tuple), when this statement is one.
    func allListValues() -> [String]? {
        let (equals, augmented) = assignmentEquals()
        guard augmented == nil, let first = equals.first, simpleName(0..<first) == "_all_" else { return nil }
        let value = String(decoding: text[(equals.last! + 1)...], as: UTF8.self).trimmingPythonWhitespace()
        guard let open = value.first, open == "[" || open == "(", value.last == (open == "[" ? "]" : ")") else { return [] }
        var values: [String] = []
        for item in splitTopLevel(Substring(value.dropFirst().dropLast())) {
            let element = item.trimmingPythonWhitespace()
            if let q = element.first, q == "'" || q == "\"", element.count >= 2, element.last == q {
                values.append(String(element.dropFirst().dropLast()))
            } else if !element.isEmpty, ExportMagics.identifierPrefix(element).count == element.count {
                values.append(String(element))
            }
        }
        return values
    }

    /// The positions of the top-level `=` of an assignment, or the start of the operator of an
    /// augmented assignment (`+=`, `//=`, `>>=`...). Comparisons and `:=` are skipped.
    private func assignmentEquals() -> ([Int], Int?) {
        var equals: [Int] = []
        var depth = 0
        var i = 0
        while i < code.count {
            let c = code[i]
            switch c {
            case 0x28, 0x5B, 0x7B: depth += 1
            case 0x29, 0x5D, 0x7D: depth = max(0, depth - 1)
            case UInt8(ascii: "=") where depth == 0:
                if i + 1 < code.count, code[i + 1] == UInt8(ascii: "=") {
                    i += 2
                    continue
                }
                let previous = i > 0 ? code[i - 1] : 0
                if Array("+-*/%&|^@".utf8).contains(previous) {
                    let doubled = i > 1 && code[i - 2] == previous && (previous == UInt8(ascii: "*") || previous == UInt8(ascii: "/"))
                    if equals.isEmpty { return ([], i - (doubled ? 2 : 1)) }
                } else if previous == UInt8(ascii: "<") || previous == UInt8(ascii: ">") {
                    if i > 1, code[i - 2] == previous, equals.isEmpty { return ([], i - 2) }
                } else if previous != UInt8(ascii: "!") && previous != UInt8(ascii: ":") {
                    equals.append(i)
                }
            default: break
            }
            i += 1
        }
        return (equals, nil)
    }

    /// The position of `byte` outside brackets within `range`.
    private func topLevel(_ byte: UInt8, in range: Range<Int>) -> Int? {
        var depth = 0
        for i in range {
            switch code[i] {
            case 0x28, 0x5B, 0x7B: depth += 1
            case 0x29, 0x5D, 0x7D: depth = max(0, depth - 1)
            case byte where depth == 0: return i
            default: break
            }
        }
        return nil
    }

    private func simpleName(_ range: Range<Int>) -> String? {
        let text = String(decoding: code[range], as: UTF8.self).trimmingPythonWhitespace()
        let name = ExportMagics.identifierPrefix(text)
        return !name.isEmpty && name.count == text.count && !Self.keywords.contains(String(name)) ? String(name) : nil
    }

    /// The names of one assignment target (`a`, `a, b`, `(a, b)`, `[a, *b]`), or nil when the
    /// segment is not a target at all (it holds a keyword or an operator).
    private func targetNames(_ range: Range<Int>) -> [String]? {
        var text = String(decoding: code[range], as: UTF8.self).trimmingPythonWhitespace()
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        if words.contains(where: { Self.keywords.contains(String($0)) || ["and", "or", "in", "is"].contains($0) }) { return nil }
        var depth = 0
        for c in text {
            if "([{".contains(c) {
                depth += 1
            } else if ")]}".contains(c) {
                depth -= 1
            } else if depth == 0, !(c.isLetter || c.isNumber || c == "_" || c == "." || c == "," || c == "*" || c.isWhitespace) {
                return nil
            }
        }
        if Self.isWrapped(text) { text = text.dropFirst().dropLast().trimmingPythonWhitespace() }
        return splitTopLevel(text).compactMap { element in
            let item = element.trimmingPythonWhitespace()
            let name = ExportMagics.identifierPrefix(item)
            return !name.isEmpty && name.count == item.count ? String(name) : nil
        }
    }

    /// `(a, b)` or `[a, b]`: one pair of brackets around the whole text.
    static func isWrapped(_ text: Substring) -> Bool {
        guard let open = text.first, open == "(" || open == "[", text.last == (open == "(" ? ")" : "]") else { return false }
        var depth = 0
        for (offset, c) in text.enumerated() {
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 }
            if depth == 0 { return offset == text.count - 1 }
        }
        return false
    }

    /// Splits at commas outside brackets and string literals.
    private func splitTopLevel(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = text.startIndex
        for index in text.indices {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "([{".contains(c) {
                depth += 1
            } else if ")]}".contains(c) {
                depth -= 1
            } else if c == ",", depth == 0 {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        parts.append(text[start...])
        return parts.filter { !$0.trimmingPythonWhitespace().isEmpty }
    }
}
