/// nbformat stores multi-line text as lists of lines on disk and as strings in memory: its
/// `rejoin_lines` runs on read and `split_lines` on write. For v4 quire does both at once on
/// write, and leaves a list that is already split as Python would split it untouched — most
/// files are, and re-joining and re-splitting every line of a big notebook costs more than the
/// rest of a clean. v2 and v3 files are rejoined on read, as nbformat does.
enum LineJoining {
    /// What happens to one multi-line field.
    typealias Transform = (_ value: JSONValue, _ isSplitOnWrite: Bool) -> JSONValue?

    // MARK: Whole notebooks

    static func rejoin(_ notebook: inout Notebook) {
        guard notebook.major < 4 else { return }
        let major = notebook.major
        notebook.updateCells { cells in
            for i in cells.indices { mapCell(&cells[i].json, major: major) { value, _ in rejoined(value, major: major) } }
        }
    }

    static func split(_ notebook: inout Notebook) {
        let major = notebook.major
        notebook.updateCells { cells in
            for i in cells.indices {
                mapCell(&cells[i].json, major: major) { value, splits in
                    major == 4 ? canonical(value, split: splits) : value.stringValue.map { split($0, keepEnds: major == 3) }
                }
            }
        }
    }

    /// A cell or an output with its lines joined: nbformat's in-memory form, which jsonschema
    /// quotes in its messages.
    static func rejoined(cell: JSONObject, major: Int) -> JSONObject {
        var copy = cell
        mapCell(&copy, major: major) { value, _ in rejoined(value, major: major) }
        return copy
    }

    static func rejoined(output: JSONObject, major: Int) -> JSONObject {
        var copy = output
        mapOutput(&copy, major: major) { value, _ in rejoined(value, major: major) }
        return copy
    }

    // MARK: Single fields

    static func isJSONMime(_ key: String) -> Bool {
        key == "application/json" || (key.hasPrefix("application/") && key.hasSuffix("+json"))
    }

    static func isSplitMime(_ key: String) -> Bool {
        key.hasPrefix("text/") || key == "application/javascript" || key == "image/svg+xml"
    }

    /// The strings of a list that holds only strings.
    static func lines(_ value: JSONValue) -> [String]? {
        guard case .array(let items) = value else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for case .string(let s) in items { strings.append(s) }
        return strings.count == items.count ? strings : nil
    }

    static func split(_ string: String, keepEnds: Bool = true) -> JSONValue {
        .array(string.pythonSplitLines(keepEnds: keepEnds).map(JSONValue.string))
    }

    /// A list of lines joined as nbformat's reader of that major version joins them. v3's
    /// `_join_lines` concatenates lines that keep their ends and joins others with `\n`; v2
    /// always joins with `\n`.
    static func rejoined(_ value: JSONValue, major: Int) -> JSONValue? {
        guard let lines = lines(value) else { return nil }
        // By scalars: Swift's `hasSuffix("\n")` is false for a line ending in "\r\n".
        let last = lines.first?.unicodeScalars.last
        let keepsEnds = major == 4 || (major == 3 && (last == "\n" || last == "\r"))
        return .string(lines.joined(separator: keepsEnds ? "" : "\n"))
    }

    /// A v4 field as nbformat writes it after reading: split into lines where it splits, joined
    /// where it only joins; nil when the value is already that.
    static func canonical(_ value: JSONValue, split splits: Bool) -> JSONValue? {
        switch value {
        case .string(let s): return splits ? split(s) : nil
        case .array(let items):
            if splits && String.isCanonicalLines(items) { return nil }
            guard case .string(let text)? = rejoined(value, major: 4) else { return nil }
            return splits ? split(text) : .string(text)
        default: return nil
        }
    }

    // MARK: Walking the multi-line fields

    static let v3OutputKeys = ["text", "html", "svg", "latex", "javascript", "json"]

    /// Applies `transform` to every multi-line field of a cell, as nbformat's reader and writer
    /// of that major version visit them.
    static func mapCell(_ cell: inout JSONObject, major: Int, _ transform: Transform) {
        let isCode = cell["cell_type"]?.stringValue == "code"
        if major == 4 {
            mapField(&cell, "source", splits: true, transform)
            cell.modify("attachments") { attachments in
                guard case .object(var all) = attachments else { return }
                for key in all.keys { all.modify(key) { mapBundle(&$0, transform) } }
                attachments = .object(all)
            }
        } else if isCode {
            mapField(&cell, "input", splits: true, transform)
        } else {
            for key in ["source", "rendered"] { mapField(&cell, key, splits: true, transform) }
        }
        guard isCode else { return }
        cell.modify("outputs") { outputs in
            guard case .array(var list) = outputs else { return }
            outputs = .null  // `list` becomes the only owner, so edits do not copy
            for i in list.indices {
                guard case .object(var output) = list[i] else { continue }
                list[i] = .null
                mapOutput(&output, major: major, transform)
                list[i] = .object(output)
            }
            outputs = .array(list)
        }
    }

    static func mapOutput(_ output: inout JSONObject, major: Int, _ transform: Transform) {
        guard major == 4 else {
            for key in v3OutputKeys { mapField(&output, key, splits: true, transform) }
            return
        }
        let type = output["output_type"]?.stringValue ?? ""
        if type == "execute_result" || type == "display_data" {
            output.modify("data") { mapBundle(&$0, transform) }
        } else if !type.isEmpty {
            mapField(&output, "text", splits: type == "stream", transform)
        }
    }

    private static func mapField(_ object: inout JSONObject, _ key: String, splits: Bool, _ transform: Transform) {
        if let value = object[key], let new = transform(value, splits) { object[key] = new }
    }

    /// Text in a mime bundle; JSON mimes (`application/json`, `*+json`) are objects, not text.
    private static func mapBundle(_ value: inout JSONValue, _ transform: Transform) {
        guard case .object(var bundle) = value else { return }
        var changed = false
        for entry in bundle.entries where !isJSONMime(entry.key) {
            if let new = transform(entry.value, isSplitMime(entry.key)) {
                bundle[entry.key] = new
                changed = true
            }
        }
        if changed { value = .object(bundle) }
    }
}
