import NotebookFormat

/// The options after `# %%`: `metadata_to_double_percent_options` and `metadata_to_text`.
enum PercentWriterMarker {
    /// jupytext-internal cell metadata never written (`_JUPYTEXT_CELL_METADATA`).
    static let internalKeys: Set<String> = [
        "skipline", "noskipline", "cell_marker", "lines_to_next_cell", "lines_to_end_of_cell_marker",
    ]

    /// `My title [markdown] key="value" tags=["a"]`; `%` signs first for `cell_depth`.
    static func options(_ metadata: JSONObject, plainJSON: Bool) -> String {
        var metadata = metadata
        var text: [String] = []
        if let title = metadata.removeValue(forKey: "title") { text.append(pythonStr(title)) }
        if let depth = metadata.removeValue(forKey: "cell_depth") {
            text.insert(String(repeating: "%", count: max(0, depth.intValue ?? 0)), at: 0)
        }
        if let cellType = metadata.removeValue(forKey: "cell_type") {
            let region = metadata.removeValue(forKey: "region_name")
            text.append("[" + pythonStr(region ?? cellType) + "]")
        }
        return metadataToText(text.joined(separator: " "), metadata, plainJSON: plainJSON)
    }

    static func metadataToText(_ title: String, _ metadata: JSONObject, plainJSON: Bool) -> String {
        var kept = JSONObject()
        for entry in metadata where !internalKeys.contains(entry.key) { kept[entry.key] = entry.value }
        var text = title.isEmpty ? [] : [title]
        if plainJSON {
            if !kept.isEmpty { text.append(PercentWriterJSON.dumps(.object(kept))) }
        } else {
            for entry in kept {
                if entry.key == "incorrectly_encoded_metadata" {
                    text.append(pythonStr(entry.value))
                } else if entry.value == .null {
                    text.append(entry.key)
                } else {
                    text.append(entry.key + "=" + PercentWriterJSON.dumps(entry.value))
                }
            }
        }
        return text.joined(separator: " ")
    }

    /// Python's `str(value)` for the values jupytext puts in the marker as text.
    private static func pythonStr(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let n): return n.canonicalLiteral
        default: return PercentWriterJSON.dumps(value)
        }
    }
}
