import NotebookFormat

/// The script header (jupytext's `header.py::header_to_metadata_and_cell`): an optional `#!`
/// line and coding line, then a commented YAML block `# ---` … `# ---` whose `jupyter:` part is
/// the notebook metadata and whose other lines become a first raw cell.
extension PercentReader {
    struct Header {
        var metadata = JSONObject()
        /// True when the block had a `jupyter:` section.
        var hasJupyterSection = false
        /// The raw cell of the other header lines (`---\ntitle: ...\n---`).
        var rawCell: Cell?
        /// The index of the first line after the header.
        var end = 0
    }

    static func header(_ lines: [String], comment: String, fileExtension: String) throws(PercentReaderError) -> Header {
        var header = Header()
        var jupytext = JSONObject()
        var rootLines: [String] = []
        var jupyterLines: [String] = []
        var jupyterNumbers: [Int] = []
        var started = false
        var startLine = 0
        var ended = false
        var inJupyter = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if i == 0, let executable = dropping("#!", from: line) {
                jupytext["executable"] = .string(executable)
                header.end = 1
                i += 1
                continue
            }
            if i == 0 || (i == 1 && !isCodingLine(lines[0], comment: comment)), isCodingLine(line, comment: comment) {
                guard line.contains("utf-8") || line.contains("utf8") else {
                    throw PercentReaderError(.malformedHeader, line: i + 1, "only UTF-8 scripts can be read")
                }
                jupytext["encoding"] = .string(line)
                header.end = i + 1
                i += 1
                continue
            }
            guard line.unicodeScalars.starts(with: comment.unicodeScalars) else { break }
            let text = uncomment(line, prefix: comment)
            if isRule(text) {
                if !started {
                    started = true
                    startLine = i + 1
                    i += 1
                    continue
                }
                ended = true
                break
            }
            if !started && !isBlank(text) { break }
            if isJupyterKey(text) {
                inJupyter = true
            } else if let first = text.unicodeScalars.first, !isSpace(first) {
                inJupyter = false
            }
            if inJupyter {
                jupyterLines.append(text)
                jupyterNumbers.append(i + 1)
            } else {
                rootLines.append(text)
            }
            i += 1
        }
        guard ended else {
            if started && !jupyterLines.isEmpty {
                throw PercentReaderError(
                    .malformedHeader, line: startLine, "the header that opens here has no closing '\(comment) ---' line")
            }
            if !jupytext.isEmpty { header.metadata["jupytext"] = .object(jupytext) }
            return header
        }
        if !jupyterLines.isEmpty {
            header.hasJupyterSection = true
            let value: JSONValue
            do {
                value = try YAMLReader.value(of: jupyterLines, lineNumbers: jupyterNumbers)
            } catch {
                throw PercentReaderError(.malformedHeader, line: error.line, "the header's YAML cannot be read: \(error.message)")
            }
            switch value.objectValue?["jupyter"] {
            case .object(let object)?: header.metadata = object
            case .null?, nil: break
            default:
                throw PercentReaderError(.malformedHeader, line: jupyterNumbers[0], "'jupyter:' in the header must hold a mapping")
            }
        }
        if !jupytext.isEmpty {
            var merged = header.metadata["jupytext"]?.objectValue ?? JSONObject()
            for entry in jupytext { merged[entry.key] = entry.value }
            header.metadata["jupytext"] = .object(merged)
        }
        // One blank line after the header belongs to it.
        var linesToNextCell = 1
        if i + 1 < lines.count {
            if isBlank(uncomment(lines[i + 1], prefix: comment)) { i += 1 } else { linesToNextCell = 0 }
        } else {
            linesToNextCell = 0
        }
        header.end = i + 1
        if !rootLines.isEmpty {
            var cell = Cell(JSONObject())
            cell.json["cell_type"] = .string("raw")
            var metadata = JSONObject()
            let rest = Array(lines[min(i + 1, lines.count)...])
            if linesToNextCell != PercentWriterPEP8.linesBetween(["---"], rest, fileExtension: fileExtension) {
                metadata["lines_to_next_cell"] = .int(linesToNextCell)
            }
            cell.json["metadata"] = .object(metadata)
            cell.json["source"] = .string((["---"] + rootLines + ["---"]).joined(separator: "\n"))
            header.rawCell = cell
        }
        return header
    }

    /// `^---\s*$`.
    private static func isRule(_ text: String) -> Bool {
        guard let rest = dropping("---", from: text) else { return false }
        return isBlank(rest)
    }

    /// `^jupyter\s*:\s*$`.
    private static func isJupyterKey(_ text: String) -> Bool {
        guard let rest = dropping("jupyter", from: text) else { return false }
        let trimmed = strip(rest)
        return trimmed == ":"
    }

    /// `^[ \t\f]*{comment}.*?coding[:=][ \t]*([-_.a-zA-Z0-9]+)`, for the script's comment or the
    /// comment of another language (jupytext copies `jupytext.encoding` verbatim, so a Groovy
    /// notebook written as `.py` starts `// -*- coding: utf-8 -*-`).
    private static func isCodingLine(_ line: String, comment: String) -> Bool {
        ([comment] + ScriptLanguages.otherCommentPrefixes).contains { isCodingLine(line, exactComment: $0) }
    }

    private static func isCodingLine(_ line: String, exactComment comment: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count && (scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\u{0C}") { i += 1 }
        guard scalars[i...].starts(with: comment.unicodeScalars) else { return false }
        let rest = string(scalars[(i + comment.unicodeScalars.count)...])
        guard let range = rest.firstRange(of: "coding") else { return false }
        var after = rest[range.upperBound...].unicodeScalars[...]
        guard let sep = after.first, sep == ":" || sep == "=" else { return false }
        after = after.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard let first = after.first else { return false }
        return first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first) || "-_.".unicodeScalars.contains(first))
    }
}
