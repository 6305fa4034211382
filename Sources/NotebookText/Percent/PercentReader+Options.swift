import NotebookFormat

/// The options after `# %%`: title, cell type, depth and metadata (jupytext's
/// `LightScriptCellReader.options_to_metadata` and `cell_metadata.text_to_metadata`).
extension PercentReader {
    /// The cell metadata a marker's options give (`cell_type`, `region_name`, `cell_depth` and
    /// `title` among them). Throws on metadata that is not JSON and on unknown cell types.
    static func metadata(ofOptions options: String, line: Int) throws(PercentReaderError) -> JSONObject {
        var (title, metadata) = try titleAndMetadata(options, line: line)
        for type in ["markdown", "raw", "md"] {
            let code = "[" + type + "]"
            // a match needs the bytes; the Character search that decides is slow
            guard contains(title, code), let range = title.firstRange(of: code) else { continue }
            title.removeSubrange(range)
            while contains(title, code), let again = title.firstRange(of: code) { title.removeSubrange(again) }
            title = strip(title)
            metadata["cell_type"] = .string(type == "md" ? "markdown" : type)
            if type == "md" { metadata["region_name"] = .string("md") }
            break
        }
        if metadata["cell_type"] == nil, let word = bracketedWord(title) {
            throw PercentReaderError(
                .unknownCellType, line: line,
                "unknown cell type '[\(word)]': use [markdown], [md] or [raw]; a code cell has no type (# %%)")
        }
        var depth = 0
        while title.hasPrefix("%") {
            depth += 1
            title.removeFirst()
        }
        if depth > 0 {
            metadata["cell_depth"] = .int(depth)
            title = strip(title)
        }
        if !title.isEmpty { metadata["title"] = .string(title) }
        return metadata
    }

    /// True when the UTF-8 bytes of `text` hold those of `part`.
    private static func contains(_ text: String, _ part: String) -> Bool {
        let bytes = Array(text.utf8), pattern = Array(part.utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    /// `[word]` when the whole title is one bracketed word, as a cell type is written.
    private static func bracketedWord(_ title: String) -> String? {
        guard title.hasPrefix("["), title.hasSuffix("]"), title.count > 2 else { return nil }
        let word = title.dropFirst().dropLast()
        guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "_" || $0 == "-" }) else { return nil }
        return String(word)
    }

    /// `is_json_metadata`: a `{` comes before any `=`.
    static func isJSONMetadata(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let curly = scalars.firstIndex(of: "{") else { return false }
        guard let equal = scalars.firstIndex(of: "=") else { return true }
        return curly < equal
    }

    /// `text_to_metadata(text, allow_title=True)`.
    static func titleAndMetadata(_ options: String, line: Int) throws(PercentReaderError) -> (String, JSONObject) {
        let text = Array(strip(options).unicodeScalars)
        let curly = text.firstIndex(of: "{")
        let equal = text.firstIndex(of: "=")
        if let curly, equal.map({ $0 > curly }) ?? true {
            let json = string(text[curly...])
            guard case .object(let object)? = relaxedJSON(json) else {
                throw malformed(string(text), line: line, "the metadata after the title must be a JSON object")
            }
            return (strip(string(text[..<curly])), object)
        }
        var words: [String]
        if let equal {
            words = string(text[..<equal]).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            while let last = words.last, last.isEmpty { words.removeLast() }
            if !words.isEmpty { words.removeLast() }
        } else {
            words = string(text).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        }
        while let last = words.last, isBlank(last) || last.hasPrefix(".") { words.removeLast() }
        let title = words.joined(separator: " ")
        let rest = Array(text.dropFirst(title.unicodeScalars.count))
        return (title, try keyEqualValue(rest, line: line))
    }

    private static func malformed(_ text: String, line: Int, _ why: String) -> PercentReaderError {
        PercentReaderError(.malformedMarker, line: line, "cannot read the cell options '\(text)': \(why)")
    }

    /// `parse_key_equal_value`: `key=value` pairs whose values are JSON (or Python literals) and
    /// bare identifiers (value `null`), in the order written.
    static func keyEqualValue(_ input: [Unicode.Scalar], line: Int) throws(PercentReaderError) -> JSONObject {
        let text = Array(strip(string(input)).unicodeScalars)
        if text.isEmpty { return JSONObject() }
        let lastSpace = text.lastIndex(of: " ")
        let tail = text[(lastSpace.map { $0 + 1 } ?? 0)...]
        if !text.starts(with: "--".unicodeScalars), isIdentifier(tail) {
            var result = JSONObject()
            if let lastSpace, lastSpace > 0 { result = try keyEqualValue(Array(text[..<lastSpace]), line: line) }
            if result[string(tail)] == nil { result[string(tail)] = .null }
            return result
        }
        var searchEnd = text.count
        while let equal = text[..<searchEnd].lastIndex(of: "=") {
            searchEnd = equal
            let left = Array(text[..<equal])
            let leftTrimmedEnd = left.count - (left.reversed().prefix { isSpace($0) }.count)
            let previousSpace = left[..<leftTrimmedEnd].lastIndex(of: " ")
            let key = strip(string(text[(previousSpace.map { $0 + 1 } ?? 0)..<equal]))
            guard isValidKey(key), let value = relaxedJSON(string(text[(equal + 1)...])) else { continue }
            var metadata = JSONObject()
            if let previousSpace, previousSpace > 0 { metadata = try keyEqualValue(Array(text[..<previousSpace]), line: line) }
            metadata[key] = value
            return metadata
        }
        throw malformed(string(text), line: line, "write key=value with a JSON value, e.g. tags=[\"x\"] or title=\"A b\"")
    }

    /// `^[a-zA-Z_.]+[a-zA-Z0-9_.]*$`.
    private static func isIdentifier(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = text.first, first.isASCII, first.properties.isAlphabetic || first == "_" || first == "." else { return false }
        return text.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ".") }
    }

    /// `^[a-zA-Z0-9_.@/-]+$` (jupytext 1.19 accepts `@scope/name` keys).
    private static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-@/".unicodeScalars.contains($0))
        }
    }

    /// `relax_json_loads`: JSON, else a Python literal (`'text'`, `True`, `None`, tuples).
    static func relaxedJSON(_ text: String) -> JSONValue? {
        let trimmed = strip(text)
        if let value = try? JSONParser.parse(trimmed) { return value }
        guard let json = pythonLiteralAsJSON(trimmed) else { return nil }
        return try? JSONParser.parse(json)
    }

    /// A Python literal rewritten as JSON: single-quoted strings, `True`/`False`/`None`, `()`.
    private static func pythonLiteralAsJSON(_ text: String) -> String? {
        var out = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.first {
            if c == "'" || c == "\"" {
                scalars = scalars.dropFirst()
                var content = ""
                var closed = false
                while let d = scalars.first {
                    scalars = scalars.dropFirst()
                    if d == "\\", let e = scalars.first {
                        scalars = scalars.dropFirst()
                        content += e == "'" ? "'" : "\\" + String(e)
                    } else if d == c {
                        closed = true
                        break
                    } else if d == "\"" {
                        content += "\\\""
                    } else {
                        content.unicodeScalars.append(d)
                    }
                }
                guard closed else { return nil }
                out += "\"" + content + "\""
                continue
            }
            if c.properties.isAlphabetic {
                let word = scalars.prefix { $0.properties.isAlphabetic }
                switch string(word) {
                case "True": out += "true"
                case "False": out += "false"
                case "None": out += "null"
                default: return nil
                }
                scalars = scalars.dropFirst(word.count)
                continue
            }
            out += c == "(" ? "[" : c == ")" ? "]" : String(c)
            scalars = scalars.dropFirst()
        }
        return out
    }
}
