import NotebookFormat

/// How outputs read in a diff: one-line summaries, and the text of text-like data to diff.
/// Binary data (images, PDFs) is only ever shown by type and size.
enum OutputText {
    /// Mime types whose values are base64 data, not text.
    static func isBinary(_ mime: String) -> Bool {
        if mime == "image/svg+xml" { return false }
        return mime.hasPrefix("image/") || mime.hasPrefix("video/") || mime.hasPrefix("audio/")
            || mime == "application/pdf" || mime == "application/octet-stream"
    }

    /// The text to diff for one mime value: the string, or JSON data written one key a line.
    static func text(_ mime: String, _ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return JSONWriter(indent: 1).string(value)
    }

    /// `stream stdout`, `execute_result`, `error`, …
    static func kind(_ output: JSONObject) -> String {
        let type = output["output_type"]?.stringValue ?? "output"
        if type == "stream" { return "stream " + (output["name"]?.stringValue ?? "") }
        return type
    }

    /// One line describing an output: its kind and, for each kind, what it holds.
    static func summary(_ output: JSONObject) -> String {
        switch output["output_type"]?.stringValue {
        case "stream":
            let text = output["text"]?.stringValue ?? ""
            return kind(output) + ", " + textSummary(text)
        case "error":
            return "error " + errorLine(output)
        case "execute_result", "display_data":
            let data = output["data"]?.objectValue ?? JSONObject()
            let parts = data.entries.map { mimeSummary($0.key, $0.value) }
            return kind(output) + (parts.isEmpty ? "" : " " + parts.joined(separator: ", "))
        default:
            return kind(output)
        }
    }

    /// `ValueError: bad value`.
    static func errorLine(_ output: JSONObject) -> String {
        let name = output["ename"]?.stringValue ?? "?"
        let value = output["evalue"]?.stringValue ?? ""
        return ValueText.truncated(value.isEmpty ? name : name + ": " + ValueText.displayLine(value), limit: ValueText.lineLimit)
    }

    /// `image/png 12.0 KB`, `text/plain "42"`, `text/html (12 lines)`.
    static func mimeSummary(_ mime: String, _ value: JSONValue) -> String {
        if isBinary(mime), case .string(let data) = value {
            return mime + " " + ValueText.size(ValueText.base64DecodedSize(data))
        }
        return mime + " " + textSummary(text(mime, value))
    }

    /// A short text quoted, a longer one counted: `"42"`, `3 lines`.
    static func textSummary(_ text: String) -> String {
        let lines = text.pythonSplitLines()
        if lines.count == 1, let line = lines.first, line.count <= 60 {
            return "\"" + ValueText.displayLine(line) + "\""
        }
        return lines.isEmpty ? "empty" : ValueText.count(lines.count, "line")
    }
}
