/// nbformat stores multi-line text as lists of lines on disk and as strings in memory: its
/// `rejoin_lines` runs on read and `split_lines` on write. For v4 quire does both at once on
/// write, and leaves a list that is already split as Python would split it untouched — most
/// files are, and re-joining and re-splitting every line of a big notebook costs more than the
/// rest of a clean. v2 and v3 files are rejoined on read, as nbformat does.
enum LineJoining {
    // MARK: v4

    static func isJSONMime(_ key: String) -> Bool {
        key == "application/json" || (key.hasPrefix("application/") && key.hasSuffix("+json"))
    }

    static func isSplitMime(_ key: String) -> Bool {
        key.hasPrefix("text/") || key == "application/javascript" || key == "image/svg+xml"
    }

    /// A list of strings joined into one, or nil when the value is not such a list.
    static func joined(_ value: JSONValue, separator: String = "") -> String? {
        guard case .array(let items) = value else { return nil }
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else { return nil }
            parts.append(s)
        }
        return parts.joined(separator: separator)
    }

    static func split(_ string: String, keepEnds: Bool = true) -> JSONValue {
        .array(string.pythonSplitLines(keepEnds: keepEnds).map(JSONValue.string))
    }

    static func rejoin(_ notebook: inout Notebook) {
        switch notebook.major {
        case 4: return
        default:
            let isV3 = notebook.major == 3
            notebook.updateCells { cells in
                for i in cells.indices {
                    mapV3Text(&cells[i].json) { value in
                        let text = isV3 ? joinV3(value) : joined(value, separator: "\n")
                        return text.map(JSONValue.string)
                    }
                }
            }
        }
    }

    static func split(_ notebook: inout Notebook) {
        switch notebook.major {
        case 4: notebook.updateCells { cells in for i in cells.indices { canonicalizeV4(&cells[i].json) } }
        default:
            let keepEnds = notebook.major == 3
            notebook.updateCells { cells in
                for i in cells.indices { mapV3Text(&cells[i].json) { $0.stringValue.map { split($0, keepEnds: keepEnds) } } }
            }
        }
    }

    private static func mapBundle(_ value: inout JSONValue, _ transform: (String, JSONValue) -> JSONValue?) {
        guard case .object(var bundle) = value else { return }
        var changed = false
        for entry in bundle.entries {
            if let new = transform(entry.key, entry.value) {
                bundle[entry.key] = new
                changed = true
            }
        }
        if changed { value = .object(bundle) }
    }

    private static func mapAttachments(_ cell: inout JSONObject, _ transform: (String, JSONValue) -> JSONValue?) {
        cell.modify("attachments") { attachments in
            guard case .object(var all) = attachments else { return }
            for entry in all.entries {
                var bundle = entry.value
                mapBundle(&bundle, transform)
                all[entry.key] = bundle
            }
            attachments = .object(all)
        }
    }

    private static func mapOutputs(_ cell: inout JSONObject, _ transform: (inout JSONObject) -> Void) {
        guard cell["cell_type"]?.stringValue == "code" else { return }
        cell.modify("outputs") { outputs in
            guard case .array(var list) = outputs else { return }
            outputs = .null
            for i in list.indices {
                guard case .object(var output) = list[i] else { continue }
                list[i] = .null
                transform(&output)
                list[i] = .object(output)
            }
            outputs = .array(list)
        }
    }

    /// A multi-line field as nbformat writes it after reading: split into lines where nbformat
    /// splits (`split`), joined into one string where it only joins.
    private static func canonical(_ value: JSONValue, split splits: Bool) -> JSONValue? {
        switch value {
        case .string(let s): return splits ? split(s) : nil
        case .array(let items):
            guard items.allSatisfy({ $0.stringValue != nil }) else { return nil }
            if splits && String.isCanonicalLines(items) { return nil }
            guard let text = joined(value) else { return nil }
            return splits ? split(text) : .string(text)
        default: return nil
        }
    }

    private static func canonicalizeV4(_ cell: inout JSONObject) {
        if let source = cell["source"], let new = canonical(source, split: true) { cell["source"] = new }
        let canonicalBundle: (String, JSONValue) -> JSONValue? = { key, value in
            isJSONMime(key) ? nil : canonical(value, split: isSplitMime(key))
        }
        mapAttachments(&cell, canonicalBundle)
        mapOutputs(&cell) { output in
            let type = output["output_type"]?.stringValue ?? ""
            if type == "execute_result" || type == "display_data" {
                output.modify("data") { mapBundle(&$0, canonicalBundle) }
            } else if !type.isEmpty, let text = output["text"], let new = canonical(text, split: type == "stream") {
                output["text"] = new
            }
        }
    }

    // MARK: v2 and v3

    static let v3OutputKeys = ["text", "html", "svg", "latex", "javascript", "json"]

    /// v3's `_join_lines`: lines written by `splitlines(True)` are concatenated, others joined with `\n`.
    private static func joinV3(_ value: JSONValue) -> String? {
        guard case .array(let items) = value else { return nil }
        if case .string(let first)? = items.first, first.hasSuffix("\n") || first.hasSuffix("\r") {
            return joined(value)
        }
        return joined(value, separator: "\n")
    }

    private static func mapV3Text(_ cell: inout JSONObject, _ transform: (JSONValue) -> JSONValue?) {
        if cell["cell_type"]?.stringValue == "code" {
            if let input = cell["input"], let new = transform(input) { cell["input"] = new }
            mapOutputs(&cell) { output in
                for key in v3OutputKeys {
                    if let value = output[key], let new = transform(value) { output[key] = new }
                }
            }
        } else {
            for key in ["source", "rendered"] {
                if let value = cell[key], let new = transform(value) { cell[key] = new }
            }
        }
    }
}
