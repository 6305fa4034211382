import NotebookFormat

/// One cell at a time (jupytext's `DoublePercentScriptCellReader`): the marker's options, the
/// cell's end (the next marker outside a string literal; one or two blank lines before it belong
/// to no cell), the body uncommented, and `lines_to_next_cell` where the blank lines differ from pep8.
extension PercentReader {
    struct Context {
        let lines: [String]
        let fileExtension: String
        let comment: String
        let defaultLanguage: String
        let commentMagics: Bool
        /// The magic patterns of the default language, compiled once per script.
        let magics: PercentWriterMagics

        init(lines: [String], fileExtension: String, comment: String, defaultLanguage: String, commentMagics: Bool) {
            self.lines = lines
            self.fileExtension = fileExtension
            self.comment = comment
            self.defaultLanguage = defaultLanguage
            self.commentMagics = commentMagics
            magics = PercentWriterMagics(language: defaultLanguage)
        }
    }

    struct ReadCell {
        var cell: Cell
        var next: Int
        var usesJSONMetadata: Bool
    }

    static func readCell(at start: Int, _ context: Context) throws(PercentReaderError) -> ReadCell {
        let lines = context.lines
        var metadata = JSONObject()
        var usesJSON = false
        var hasMarker = isAlternativeMarker(lines[start], comment: context.comment)
        if let options = markerOptions(lines[start], comment: context.comment) {
            usesJSON = isJSONMetadata(options)
            metadata = try self.metadata(ofOptions: options, line: start + 1)
            hasMarker = true
        }
        var language: String?
        if let value = metadata.removeValue(forKey: "language") {
            guard case .string(let name) = value else {
                throw PercentReaderError(.malformedMarker, line: start + 1, "language= must be a string, e.g. language=\"bash\"")
            }
            language = name
        }
        var cellType = "code"
        var comment = context.comment
        if let value = metadata.removeValue(forKey: "cell_type") {
            guard case .string(let type) = value, ["markdown", "raw", "code"].contains(type) else {
                throw PercentReaderError(.unknownCellType, line: start + 1, "unknown cell type \(value): use markdown, raw or code")
            }
            cellType = type
        } else if !isActive(".ipynb", metadata) {
            if metadata["active"] == .string("") { metadata.removeValue(forKey: "active") }
            cellType = "raw"
            if isActive(context.fileExtension, metadata) { comment = "" }
        }

        var parser = PercentWriterStringParser(language: language ?? context.defaultLanguage)
        var next = lines.count
        for i in start..<lines.count {
            let line = lines[i]
            if parser.isQuoted {
                parser.read(line)
                continue
            }
            parser.read(line)
            if i > start && (markerOptions(line, comment: context.comment) != nil || isAlternativeMarker(line, comment: context.comment)) {
                next = i
                break
            }
        }
        var end = next
        if next - start >= 3, !isBlank(lines[next - 3]), isBlank(lines[next - 2]), isBlank(lines[next - 1]) {
            end = next - 2
        } else if next > start, isBlank(lines[next - 1]) {
            end = next - 1
        }
        let bodyStart = min(hasMarker ? start + 1 : start, end)
        let source = Array(lines[bodyStart..<end])
        let content = extractContent(
            source, cellType: cellType, metadata: &metadata, language: language, comment: comment, context)

        var linesToNextCell = 1
        if end < lines.count {
            linesToNextCell = next - end + (next >= lines.count ? 1 : 0)
        }
        let expected =
            context.fileExtension == ".py"
            ? PercentWriterPEP8.linesBetween(source.isEmpty ? [""] : source, lookahead(lines, from: next), fileExtension: ".py")
            : 1
        if linesToNextCell != expected { metadata["lines_to_next_cell"] = .int(linesToNextCell) }
        if let language { metadata["language"] = .string(language) }

        var cell = Cell(JSONObject())
        cell.json["cell_type"] = .string(cellType)
        if cellType == "code" { cell.json["execution_count"] = .null }
        cell.json["metadata"] = .object(metadata)
        if cellType == "code" { cell.json["outputs"] = .array([]) }
        cell.json["source"] = .string(content.joined(separator: "\n"))
        return ReadCell(cell: cell, next: next, usesJSONMetadata: usesJSON)
    }

    /// The lines after a cell that pep8's rules look at: up to the first line at the margin that
    /// is not a comment, decorator or closing parenthesis (both rules decide there) or two blank
    /// lines in a row, so that long scripts stay linear.
    private static func lookahead(_ lines: [String], from start: Int) -> [String] {
        var end = start
        var blanks = 0
        while end < lines.count {
            let line = lines[end]
            end += 1
            if isBlank(line) {
                blanks += 1
                if blanks >= 2 { break }
                continue
            }
            blanks = 0
            if let first = line.unicodeScalars.first, !isSpace(first), !"#@)".unicodeScalars.contains(first) { break }
        }
        return Array(lines[start..<end])
    }

    /// The text after `%%` when the line is a marker with options: `^\s*{comment}\s*%%(%*)\s(.*)$`.
    static func markerOptions(_ line: String, comment: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count && isSpace(scalars[i]) { i += 1 }
        guard scalars[i...].starts(with: comment.unicodeScalars) else { return nil }
        i += comment.unicodeScalars.count
        while i < scalars.count && isSpace(scalars[i]) { i += 1 }
        guard scalars[i...].starts(with: "%%".unicodeScalars) else { return nil }
        let percent = i
        i += 2
        while i < scalars.count && scalars[i] == "%" { i += 1 }
        guard i < scalars.count, isSpace(scalars[i]) else { return nil }
        return string(scalars[(percent + 2)...])
    }

    /// `^\s*{comment}\s*(%%|<codecell>|In\[[0-9 ]*\]:?)\s*$`.
    static func isAlternativeMarker(_ line: String, comment: String) -> Bool {
        // Most lines do not start with the comment: answer them without copying.
        guard line.unicodeScalars.drop(while: isSpace).starts(with: comment.unicodeScalars) else { return false }
        let trimmed = strip(line)
        guard let rest = dropping(comment, from: trimmed) else { return false }
        let body = strip(rest)
        if body == "%%" || body == "<codecell>" { return true }
        guard let inner = dropping("In[", from: body) else { return false }
        let scalars = Array(inner.unicodeScalars)
        guard let close = scalars.firstIndex(of: "]") else { return false }
        let tail = string(scalars[(close + 1)...])
        return scalars[..<close].allSatisfy { $0 == " " || ("0"..."9").contains($0) } && (tail.isEmpty || tail == ":")
    }

    /// jupytext's `is_active(ext, metadata, default)`.
    static func isActive(_ fileExtension: String, _ metadata: JSONObject, default defaultValue: Bool = true) -> Bool {
        let ext = String(fileExtension.filter { $0 != "." })
        if metadata["run_control"]?.objectValue?["frozen"] == .bool(true) { return fileExtension == ".ipynb" }
        for case .string(let tag) in metadata["tags"]?.arrayValue ?? [] where tag.hasPrefix("active-") {
            return tag.split(separator: "-", omittingEmptySubsequences: false).contains { $0 == ext }
        }
        guard let active = metadata["active"] else { return defaultValue }
        guard case .string(let text) = active else { return false }
        return text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }.contains { $0 == ext }
    }
}
