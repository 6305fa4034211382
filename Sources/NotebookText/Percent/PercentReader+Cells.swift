import NotebookFormat

/// One cell at a time (jupytext's `DoublePercentScriptCellReader`): the marker's options, the
/// cell's end (the next marker outside a string literal; one or two blank lines before it belong
/// to no cell), the body uncommented, and `lines_to_next_cell` where the blank lines differ from pep8.
extension PercentReader {
    struct Context {
        let lines: [String]
        let fileExtension: String
        let comment: String
        let commentBytes: [UInt8]
        let defaultLanguage: String
        let commentMagics: Bool
        /// The magic patterns of the default language, compiled once per script.
        let magics: PercentWriterMagics

        init(lines: [String], fileExtension: String, comment: String, defaultLanguage: String, commentMagics: Bool) {
            self.lines = lines
            self.fileExtension = fileExtension
            self.comment = comment
            commentBytes = Array(comment.utf8)
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
            if i > start && isMarker(line, comment: context.commentBytes) {
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
        cell.json["source"] = .string(LineBytes.joined([content]))
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
        LineBytes.with(line) { b in
            guard let start = markerOptionsStart(b, comment: Array(comment.utf8)) else { return nil }
            return LineBytes.string(b, start..<b.count)
        }
    }

    /// Where `markerOptions` starts in `b`, if the line is such a marker.
    static func markerOptionsStart(_ b: UnsafeBufferPointer<UInt8>, comment: [UInt8]) -> Int? {
        var i = LineBytes.skip(b, from: 0, isSpace)
        guard LineBytes.hasPrefix(b, comment, at: i) else { return nil }
        i = LineBytes.skip(b, from: i + comment.count, isSpace)
        guard LineBytes.hasPrefix(b, "%%", at: i) else { return nil }
        let start = i + 2
        i = start
        while i < b.count && b[i] == UInt8(ascii: "%") { i += 1 }
        guard i < b.count, isSpace(LineBytes.scalar(b, at: i).0) else { return nil }
        return start
    }

    /// `^\s*{comment}\s*(%%|<codecell>|In\[[0-9 ]*\]:?)\s*$`.
    static func isAlternativeMarker(_ line: String, comment: String) -> Bool {
        LineBytes.with(line) { isAlternativeMarker($0, comment: Array(comment.utf8)) }
    }

    static func isAlternativeMarker(_ b: UnsafeBufferPointer<UInt8>, comment: [UInt8]) -> Bool {
        let afterSpace = LineBytes.skip(b, from: 0, isSpace)
        guard LineBytes.hasPrefix(b, comment, at: afterSpace) else { return false }
        let start = LineBytes.skip(b, from: afterSpace + comment.count, isSpace)
        let end = LineBytes.trimmedEnd(b, from: start, isSpace)
        let length = end - start
        if length == 2 && LineBytes.hasPrefix(b, "%%", at: start) { return true }
        if length == 10 && LineBytes.hasPrefix(b, "<codecell>", at: start) { return true }
        guard LineBytes.hasPrefix(b, "In[", at: start) else { return false }
        var i = start + 3
        while i < end && (b[i] == UInt8(ascii: " ") || LineBytes.isDigit(b[i])) { i += 1 }
        guard i < end, b[i] == UInt8(ascii: "]") else { return false }
        return i + 1 == end || (i + 2 == end && b[i + 1] == UInt8(ascii: ":"))
    }

    /// Either kind of marker: where a cell ends.
    static func isMarker(_ line: String, comment: [UInt8]) -> Bool {
        LineBytes.with(line) { b in
            // most lines do not start with the comment
            guard LineBytes.hasPrefix(b, comment, at: LineBytes.skip(b, from: 0, isSpace)) else { return false }
            return markerOptionsStart(b, comment: comment) != nil || isAlternativeMarker(b, comment: comment)
        }
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
