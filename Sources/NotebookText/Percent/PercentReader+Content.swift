import NotebookFormat

/// A cell's body as the notebook holds it: markdown and raw lines uncommented, magics and shell
/// escapes of code cells restored, cells in another language (`language="bash"`) uncommented.
extension PercentReader {
    static func extractContent(
        _ source: [String], cellType: String, metadata: inout JSONObject, language: String?, comment: String,
        _ context: Context
    ) -> [String] {
        let ext = context.fileExtension
        if ext == ".py" && !isActive(ext, metadata, default: cellType == "code"),
            let lines = tripleQuoted(source, metadata: &metadata)
        {
            return lines
        }
        if !isActive(ext, metadata) || (metadata["active"] == nil && language != nil && language != context.defaultLanguage) {
            return uncomment(source, prefix: ext == ".r" || ext == ".R" ? "#" : comment)
        }
        var lines = source
        // jupytext also uncomments magic-like lines of markdown cells here, which loses a
        // heading such as `# cat and dog`; the writer never comments them, so neither do we.
        if cellType == "code" && context.commentMagics {
            let name = language ?? context.defaultLanguage
            uncommentMagics(&lines, language: name, magics: name == context.defaultLanguage ? context.magics : PercentWriterMagics(language: name))
        }
        let goNB = context.defaultLanguage == "go" && language == nil
        if goNB { lines = lines.map(unescapeGoNB) }
        // jupytext's `unescape_code_start` is left out too: the percent writer never escapes `# +`.
        if cellType == "code" { return lines }
        // The writer escapes GoNB's `%%` in markdown too; unlike jupytext, restore it after uncommenting.
        let text = uncomment(lines, prefix: comment)
        return goNB ? text.map(unescapeGoNB) : text
    }

    /// `uncomment_magic`: magics and shell escapes outside string literals lose one comment.
    static func uncommentMagics(_ lines: inout [String], language: String, magics: PercentWriterMagics) {
        var parser = PercentWriterStringParser(language: language)
        let comment = ScriptLanguages.commentPrefix(ofLanguage: language)
            ?? ScriptLanguages.commentPrefix(ofLanguage: ScriptLanguages.usualName(language)) ?? "#"
        var nextIsMagic = false
        for pos in lines.indices {
            let line = lines[pos]
            if !parser.isQuoted && (nextIsMagic || magics.isMagic(line, escapeFlag: true)) {
                lines[pos] = uncommentOnce(line, comment: comment)
                nextIsMagic = language == "python" && endsWithContinuation(line)
            }
            parser.read(line)
        }
    }

    /// `unesc`: the indentation kept, one `comment + " "` (or `comment`) removed after it.
    static func uncommentOnce(_ line: String, comment: String) -> String {
        LineBytes.with(line) { b in
            let indent = LineBytes.skip(b, from: 0, isSpace)
            guard LineBytes.hasPrefix(b, Array(comment.utf8), at: indent) else { return line }
            var rest = indent + comment.utf8.count
            if rest < b.count && b[rest] == UInt8(ascii: " ") { rest += 1 }
            return LineBytes.string(b, 0..<indent) + LineBytes.string(b, rest..<b.count)
        }
    }

    /// `^((//\s*)*)(//\s*gonb:%%)` → `\1%%`: GoNB's escaped `%%` lines.
    static func unescapeGoNB(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while scalars[i...].starts(with: "//".unicodeScalars) {
            var j = i + 2
            while j < scalars.count && isSpace(scalars[j]) { j += 1 }
            if scalars[j...].starts(with: "gonb:%%".unicodeScalars) {
                return string(scalars[..<i]) + "%%" + string(scalars[(j + 7)...])
            }
            i = j
        }
        return line
    }

    /// A markdown cell written between triple quotes (`cell_markers='"""'`): its lines, with the
    /// quotes recorded in `cell_marker`.
    static func tripleQuoted(_ source: [String], metadata: inout JSONObject) -> [String]? {
        let content = strip(LineBytes.joined([source]))
        for prefix in ["", "r", "R"] {
            for quote in ["\"\"\"", "'''"] {
                var left = prefix + quote
                var right = quote
                guard content.hasPrefix(left), content.hasSuffix(right), content.count >= left.count + right.count else {
                    continue
                }
                var body = String(content.dropFirst(left.count).dropLast(right.count))
                if body.hasPrefix("\n") {
                    body.removeFirst()
                    left += "\n"
                }
                if body.hasSuffix("\n") {
                    body.removeLast()
                    right = "\n" + right
                }
                if prefix.isEmpty {
                    if left.count == 4 && right.count == 4 { metadata["cell_marker"] = .string(String(left.prefix(3))) }
                } else if left.count - 1 == 4 && right.count == 4 {
                    metadata["cell_marker"] = .string(String(left.prefix(4)))
                } else {
                    metadata["cell_marker"] = .string(left + "," + right)
                }
                return body.pythonSplitLines(keepEnds: false)
            }
        }
        return nil
    }
}
