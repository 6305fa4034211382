import NotebookFormat

/// The nbdev directives at the top of a cell (`#| default_exp core`, `#| export`), as
/// fastcore's `nbio` reads them: a directive line matches `^\s*#\s*\|`, and only the leading
/// lines of a cell count, with blank lines and `%%` cell magics allowed among them.
public struct CellDirectives: Sendable, Equatable {
    public struct Directive: Sendable, Equatable {
        /// The name, lower-cased, without a trailing colon (`default_exp`, `export`, `echo`).
        public var name: String
        /// The words after the name (`["core"]` for `#| default_exp core`).
        public var arguments: [String]
        /// The line in the cell, from 1.
        public var line: Int
    }

    /// A `%%magic` line among the leading lines, which an exported cell must not keep.
    public struct MagicLine: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    public var directives: [Directive] = []
    public var leadingMagics: [MagicLine] = []
    /// The code after the leading lines (directive lines are never part of it).
    public var body: String = ""
    /// The line of the cell where `body` starts, from 1.
    public var bodyFirstLine: Int = 1

    public init(parsing source: String) {
        let lines = source.pythonSplitLines(keepEnds: true)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let stripped = line.trimmingPythonWhitespace()
            if stripped.isEmpty {
                index += 1
            } else if let directive = Self.directive(in: line, line: index + 1) {
                directives.append(directive)
                index += 1
            } else if Self.isDirectiveLine(line) {
                index += 1  // `#|` with nothing after it
            } else if stripped.hasPrefix("%%") {
                leadingMagics.append(MagicLine(text: String(stripped), line: index + 1))
                index += 1
            } else {
                break
            }
        }
        body = lines[index...].joined()
        bodyFirstLine = index + 1
    }

    /// The export directives (`export`, `exports`, `exporti`), in order.
    public var exports: [Directive] {
        directives.filter { ["export", "exports", "exporti"].contains($0.name) }
    }

    public var defaultExport: Directive? {
        directives.last { $0.name == "default_exp" }
    }

    static func isDirectiveLine(_ line: String) -> Bool {
        directiveRest(line) != nil
    }

    /// What follows `#|` on a directive line, or nil when the line is not one.
    static func directiveRest(_ line: String) -> Substring? {
        var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
        guard rest.first == "#" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard rest.first == "|" else { return nil }
        return rest.dropFirst()
    }

    /// `name[:] value...`; nil for a line without a name.
    static func directive(in line: String, line number: Int) -> Directive? {
        guard let rest = directiveRest(line) else { return nil }
        let text = rest.trimmingPythonWhitespace()
        let name = text.prefix { $0 != ":" && !$0.isWhitespace }
        guard !name.isEmpty else { return nil }
        var after = text.dropFirst(name.count)
        if after.first == ":" { after = after.dropFirst() }
        let arguments = after.split(whereSeparator: \.isWhitespace).map(String.init)
        return Directive(name: name.lowercased(), arguments: arguments, line: number)
    }
}

/// `%%writefile [-a] path` on the first line of a cell: IPython writes the rest of the cell to
/// `path` (relative to the notebook's folder, where the kernel runs), appending with `-a`.
public struct WriteFileMagic: Sendable, Equatable {
    public var path: String
    public var append: Bool

    /// The magic of a cell's first line, or nil when the line is not `%%writefile`.
    public init?(firstLine: String) {
        let text = firstLine.trimmingPythonWhitespace()
        guard text.hasPrefix("%%writefile") else { return nil }
        let words = Self.words(text.dropFirst("%%writefile".count))
        guard text.count == "%%writefile".count || text.dropFirst("%%writefile".count).first?.isWhitespace == true else { return nil }
        append = words.contains("-a") || words.contains("--append")
        guard let target = words.last(where: { $0 != "-a" && $0 != "--append" }) else { return nil }
        path = target
    }

    /// Words split on whitespace, with '...' or "..." keeping spaces together (as IPython's
    /// argument parser does for a quoted file name).
    static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingPythonWhitespace() -> Substring {
        let s = Substring(self)
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return s[first...last]
    }
}
