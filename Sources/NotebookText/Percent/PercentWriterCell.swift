import NotebookFormat

/// One cell as jupytext's `DoublePercentCellExporter` writes it: the `# %%` marker with title,
/// cell type and metadata, then the code (magics commented) or the commented text.
struct PercentWriterCell {
    let cellType: String
    var source: [String]
    var metadata: JSONObject
    let unfiltered: JSONObject
    /// The cell's language: from a `%%lang` cell magic, `metadata.language`, or the notebook's.
    let language: String
    /// `lines_to_next_cell` from the cell metadata, when it is a number.
    let linesToNextCell: Int?

    init(_ cell: Cell, options: PercentWriterOptions) {
        cellType = cell.cellType ?? "code"
        unfiltered = cell.metadata
        source = Self.sourceLines(cell.source)
        metadata = options.cellMetadataPlan.apply(cell.metadata)
        var magicLanguage: String?
        if let first = source.first, !(options.defaultLanguage == "go" && Self.isGoDoublePercentCommand(first)) {
            if options.defaultLanguage == "csharp" {
                if first.scalarsStart(with: "#!") {
                    let lang = String(first.dropFirst(2)).trimmingWhitespace
                    if ScriptLanguages.cellMagicLanguages.contains(lang) {
                        source.removeFirst()
                        magicLanguage = lang
                    }
                }
            } else if first.scalarsStart(with: "%%") {
                let magic = first.dropFirst(2)
                let parts = magic.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                let lang = String(parts[0])
                if ScriptLanguages.cellMagicLanguages.contains(lang) || options.customMagics.contains(lang) {
                    source.removeFirst()
                    magicLanguage = lang
                    if parts.count > 1, !parts[1].isEmpty { metadata["magic_args"] = .string(String(parts[1])) }
                }
            }
        }
        // jupytext's custom magics always hold "", so `%% args` is read as a magic of no language
        let named = magicLanguage?.isEmpty == false ? magicLanguage : nil
        if let named { metadata["language"] = .string(named) }
        language = named ?? cell.metadata["language"]?.stringValue ?? options.defaultLanguage
        linesToNextCell = cell.metadata["lines_to_next_cell"]?.intValue
        if cellType == "raw" && metadata["active"] == nil && !hasActiveTag {
            metadata["active"] = .string("")
        }
    }

    /// `_IGNORE_CELL_METADATA`.
    static let ignoredMetadata =
        "-autoscroll,-collapsed,-scrolled,-trusted,-execution,-ExecuteTime,-skipline,-noskipline,-cell_marker,-lines_to_next_cell,-lines_to_end_of_cell_marker"

    static let ignoredMetadataFilter = PercentWriterMetadataFilter(ignoredMetadata)

    /// `cell_source`: the lines of the source, with an empty last line when it ends in a newline.
    static func sourceLines(_ source: String) -> [String] {
        if source.isEmpty { return [""] }
        let lines = source.pythonSplitLines(keepEnds: false)
        return source.scalarsEnd(with: "\n") ? lines + [""] : lines
    }

    private var hasActiveTag: Bool {
        (metadata["tags"]?.arrayValue ?? []).contains { $0.stringValue?.scalarsStart(with: "active-") == true }
    }

    var isCode: Bool {
        cellType == "code" || (cellType == "raw" && metadata["active"] != nil) || hasActiveTag
    }

    /// `is_active(ext, metadata, default)`.
    func isActive(fileExtension: String, default defaultValue: Bool) -> Bool {
        let ext = fileExtension.filter { $0 != "." }
        if case .bool(true)? = metadata["run_control"]?.objectValue?["frozen"] { return fileExtension == ".ipynb" }
        for tag in (metadata["tags"]?.arrayValue ?? []).compactMap(\.stringValue) where tag.scalarsStart(with: "active-") {
            return tag.split(separator: "-", omittingEmptySubsequences: false).contains { $0 == ext }
        }
        guard let active = metadata["active"] else { return defaultValue }
        let text = active.stringValue ?? ""
        return text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }.contains { $0 == ext }
    }

    /// `cell_to_text`: the lines of this cell, without the blank lines that follow it.
    /// `magics` caches the compiled magic patterns per language across the cells of a notebook.
    mutating func lines(options: PercentWriterOptions, magics: inout [String: PercentWriterMagics]) -> [String] {
        let comment = options.script.comment
        if options.defaultLanguage == "go" && language == "go" { source = source.map(Self.escapeGoMagic) }
        let sameLanguage = language == options.defaultLanguage
            || ScriptLanguages.usualName(language) == ScriptLanguages.usualName(options.defaultLanguage)
        let active = isActive(fileExtension: options.script.fileExtension, default: sameLanguage)
        if cellType == "raw" && metadata["active"]?.stringValue == "" { metadata.removeValue(forKey: "active") }
        let code = isCode
        if !code { metadata["cell_type"] = .string(cellType) }
        let marker = PercentWriterMarker.options(metadata, plainJSON: options.cellMetadataJSON)
        var indent = ""
        if code && active, let first = source.first, LineBytes.with(first, { LineBytes.skip($0, from: 0) < $0.count }) {
            indent = String(first.prefix { $0.isWhitespace })
        }
        let markerText = marker.scalarsStart(with: "%") || marker.isEmpty ? "%%" + marker : "%% " + marker
        let lines = [indent + comment + " " + markerText]
        if code && active {
            var body = source
            let patterns = magics[language] ?? PercentWriterMagics(language: language)
            magics[language] = patterns
            patterns.commentMagics(&body, escapeFlag: options.commentMagics)
            return body == [""] ? lines : lines + body
        }
        return lines + markdownLines(options: options)
    }

    /// `markdown_to_text` in the percent format: triple quotes when `cell_markers` asks, else comments.
    private func markdownLines(options: PercentWriterOptions) -> [String] {
        if let markers = unfiltered["cell_marker"]?.stringValue ?? options.cellMarkers, !markers.isEmpty, !source.isEmpty {
            var left: String, right: String
            if let comma = markers.firstIndex(of: ",") {
                left = String(markers[..<comma])
                right = String(markers[markers.index(after: comma)...])
            } else {
                left = markers + "\n"
                let bare = markers.scalarsStart(with: "r") || markers.scalarsStart(with: "R") ? String(markers.dropFirst()) : markers
                right = "\n" + bare
            }
            let l = Array(left), r = Array(right)
            let rightEnd = String(r.suffix(3))
            let rawLeft = l.first == "r" || l.first == "R"
            if (String(l.prefix(3)) == rightEnd || (rawLeft && String(l.dropFirst().prefix(3)) == rightEnd))
                && (rightEnd == "\"\"\"" || rightEnd == "'''")
            {
                if !rawLeft && source.contains(where: { $0.contains("\\") }) { left = "r" + left }
                var wrapped = source
                wrapped[0] = left + wrapped[0]
                wrapped[wrapped.count - 1] += right
                return wrapped
            }
        }
        return options.script.commented(source)
    }

    /// `_GO_DOUBLE_PERCENT_COMMAND`: `^(%%\s*|%%\s+-.*)$`, a gonb command rather than a cell magic.
    private static func isGoDoublePercentCommand(_ line: String) -> Bool {
        guard line.scalarsStart(with: "%%") else { return false }
        let after = line.dropFirst(2)
        if after.allSatisfy(\.isWhitespace) { return true }
        return after.first?.isWhitespace == true && after.drop { $0.isWhitespace }.scalarsStart(with: "-")
    }

    private static func escapeGoMagic(_ line: String) -> String {
        // `^(//\s*)*(%%\s*$|%%\s+-.*$)` → `\1//gonb:\2`
        var rest = Substring(line)
        var prefix = ""
        while rest.scalarsStart(with: "//") {
            let afterSlashes = rest.dropFirst(2)
            let spaces = afterSlashes.prefix { $0.isWhitespace }
            let candidate = afterSlashes.dropFirst(spaces.count)
            if !candidate.scalarsStart(with: "//") && !candidate.scalarsStart(with: "%%") { break }
            prefix = "//" + String(spaces)
            rest = candidate
        }
        guard rest.scalarsStart(with: "%%") else { return line }
        guard isGoDoublePercentCommand(String(rest)) else { return line }
        return prefix + "//gonb:" + String(rest)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !$0.properties.isWhitespace }), let b = s.lastIndex(where: { !$0.properties.isWhitespace }) else {
            return ""
        }
        return String(String.UnicodeScalarView(s[a...b]))
    }
}
