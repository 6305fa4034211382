import NotebookFormat

/// nbformat keeps multi-line text on disk as a list of lines or as one string, and in memory
/// always as one string (`rejoin_lines`). Diffs compare, and nbdime's patches address, the
/// in-memory form, so cells and outputs are joined before they are compared in detail.
enum JoinedLines {
    /// A v4 cell with `source`, attachment bundles and output text joined.
    static func cell(_ cell: JSONObject) -> JSONObject {
        var copy = cell
        join(&copy, "source")
        copy.modify("attachments") { attachments in
            guard case .object(var all) = attachments else { return }
            for key in all.keys { all.modify(key, bundle) }
            attachments = .object(all)
        }
        if copy["cell_type"]?.stringValue == "code" {
            copy.modify("outputs") { outputs in
                guard case .array(let list) = outputs else { return }
                outputs = .array(list.map { item in item.objectValue.map { .object(output($0)) } ?? item })
            }
        }
        return copy
    }

    /// A v4 output with its text (stream, error) or mime bundle joined.
    static func output(_ output: JSONObject) -> JSONObject {
        var copy = output
        switch output["output_type"]?.stringValue {
        case "execute_result", "display_data": copy.modify("data", bundle)
        case nil: break
        default: join(&copy, "text")
        }
        return copy
    }

    /// Joins every text value of a mime bundle; JSON mimes hold JSON, not lines.
    static func bundle(_ value: inout JSONValue) {
        guard case .object(var data) = value else { return }
        var changed = false
        for entry in data.entries where !isJSONMime(entry.key) {
            if let joined = joined(entry.value) {
                data[entry.key] = .string(joined)
                changed = true
            }
        }
        if changed { value = .object(data) }
    }

    static func isJSONMime(_ key: String) -> Bool {
        key == "application/json" || (key.hasPrefix("application/") && key.hasSuffix("+json"))
    }

    private static func join(_ object: inout JSONObject, _ key: String) {
        if let value = object[key], let text = joined(value) { object[key] = .string(text) }
    }

    /// The joined text of a list made only of strings; nil for anything else.
    private static func joined(_ value: JSONValue) -> String? {
        guard case .array(let items) = value else { return nil }
        var text = ""
        for item in items {
            guard case .string(let line) = item else { return nil }
            text += line
        }
        return text
    }
}
