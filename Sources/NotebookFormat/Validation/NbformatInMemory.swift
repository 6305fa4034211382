/// A cell or output as nbformat holds it in memory after reading, with the lines of multi-line
/// fields joined by its `rejoin_lines`: the form jsonschema quotes in "is not valid under any of
/// the given schemas" messages.
enum NbformatInMemory {
    /// `value` at `path` of a v3 or v4 notebook: a cell (`/cells/3`, `/worksheets/0/cells/3`)
    /// or an output (`.../outputs/0`) with its lines joined; anything else unchanged.
    static func form(of value: JSONValue, at path: [JSONPath.Component], major: Int) -> JSONValue {
        guard case .object(let object) = value, major == 3 || major == 4 else { return value }
        let cellDepth = major == 4 ? 2 : 4
        if path.count == cellDepth && path[cellDepth - 2] == .key("cells") {
            return .object(LineJoining.rejoined(cell: object, major: major))
        }
        if path.count == cellDepth + 2 && path[cellDepth] == .key("outputs") {
            return .object(LineJoining.rejoined(output: object, major: major))
        }
        return value
    }
}
