/// A cell or output as nbformat holds it in memory after reading, with the lines of multi-line
/// fields joined by its `rejoin_lines`: the form jsonschema quotes in "is not valid under any of
/// the given schemas" messages.
enum NbformatInMemory {
    /// `value` at `path` of a v3 or v4 notebook: a cell (`/cells/3`, `/worksheets/0/cells/3`)
    /// or an output (`.../outputs/0`) with its lines joined; anything else unchanged.
    static func form(of value: JSONValue, at path: [JSONPath.Component], major: Int) -> JSONValue {
        guard case .object(var object) = value, major == 3 || major == 4 else { return value }
        let cellDepth = major == 4 ? 2 : 4
        if path.count == cellDepth && path[cellDepth - 2] == .key("cells") {
            major == 4 ? rejoinV4Cell(&object) : rejoinV3Cell(&object)
        } else if path.count == cellDepth + 2 && path[cellDepth] == .key("outputs") {
            major == 4 ? rejoinV4Output(&object) : rejoinV3Output(&object)
        } else {
            return value
        }
        return .object(object)
    }

    /// The strings of a list that holds only strings.
    private static func lines(_ value: JSONValue?) -> [String]? {
        guard case .array(let items)? = value else { return nil }
        let strings = items.compactMap(\.stringValue)
        return strings.count == items.count ? strings : nil
    }

    private static func rejoinV4Cell(_ cell: inout JSONObject) {
        if let source = lines(cell["source"]) { cell["source"] = .string(source.joined()) }
        cell.modify("attachments") { attachments in
            guard case .object(var all) = attachments else { return }
            for key in all.keys { all.modify(key, rejoinBundle) }
            attachments = .object(all)
        }
        guard cell["cell_type"] == .string("code") else { return }
        cell.modify("outputs") { outputs in
            guard case .array(var list) = outputs else { return }
            for i in list.indices {
                guard case .object(var output) = list[i] else { continue }
                rejoinV4Output(&output)
                list[i] = .object(output)
            }
            outputs = .array(list)
        }
    }

    private static func rejoinV4Output(_ output: inout JSONObject) {
        let outputType = output["output_type"] ?? .string("")
        if outputType == .string("execute_result") || outputType == .string("display_data") {
            output.modify("data", rejoinBundle)
        } else if outputType.isTruthy, let text = lines(output["text"]) {
            output["text"] = .string(text.joined())
        }
    }

    /// Text mime types joined; JSON ones (`application/json`, `*+json`) kept as they are.
    private static func rejoinBundle(_ bundle: inout JSONValue) {
        guard case .object(var object) = bundle else { return }
        for entry in object.entries {
            let isJSON = entry.key == "application/json" || (entry.key.hasPrefix("application/") && entry.key.hasSuffix("+json"))
            if !isJSON, let text = lines(entry.value) { object[entry.key] = .string(text.joined()) }
        }
        bundle = .object(object)
    }

    private static func rejoinV3Cell(_ cell: inout JSONObject) {
        guard cell["cell_type"] == .string("code") else {
            for key in ["source", "rendered"] { joinV3(&cell, key) }
            return
        }
        joinV3(&cell, "input")
        cell.modify("outputs") { outputs in
            guard case .array(var list) = outputs else { return }
            for i in list.indices {
                guard case .object(var output) = list[i] else { continue }
                rejoinV3Output(&output)
                list[i] = .object(output)
            }
            outputs = .array(list)
        }
    }

    private static func rejoinV3Output(_ output: inout JSONObject) {
        for key in ["text", "html", "svg", "latex", "javascript", "json"] { joinV3(&output, key) }
    }

    /// v3's `_join_lines`: lines that keep their ends are concatenated, others joined with `\n`.
    private static func joinV3(_ object: inout JSONObject, _ key: String) {
        guard let text = lines(object[key]) else { return }
        // By scalars: Swift's `hasSuffix("\n")` is false for a line ending in "\r\n".
        let last = text.first?.unicodeScalars.last
        let keepsEnds = last == "\n" || last == "\r"
        object[key] = .string(text.joined(separator: keepsEnds ? "" : "\n"))
    }
}
