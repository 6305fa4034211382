/// Which outputs a cell keeps: nbstripout's per-cell rules and output matching.
enum OutputPolicy {
    /// A cell keeps its outputs when marked `init_cell` (unless those are stripped too), tagged
    /// `keep_output`, or given `keep_output: true` in its metadata; otherwise `default` decides.
    static func keepsOutput(_ cell: Cell, default keep: Bool, options: CleanOptions) throws(NotebookError) -> Bool {
        guard cell.hasMetadata else { return keep }
        let metadata = cell.metadata
        if let initCell = metadata["init_cell"] {
            return initCell.isTruthy && !options.stripInitCells
        }
        let flag = metadata["keep_output"]
        let tagged = cell.tags.contains("keep_output")
        if let flag, tagged, !flag.isTruthy {
            let place = cell.id.map { "cell \($0)" } ?? "a cell"
            throw NotebookError(
                .notANotebook,
                "\(place) has metadata keep_output=false but is tagged keep_output; remove one of the two")
        }
        if flag != nil || tagged { return (flag?.isTruthy ?? false) || tagged }
        return keep
    }

    /// nbstripout's `get_size`: the total length of all strings in the output, other scalars
    /// counted by the length of their Python `str()`.
    static func size(of value: JSONValue) -> Int {
        switch value {
        case .string(let s): return s.unicodeScalars.count
        case .array(let items): return items.reduce(0) { $0 + size(of: $1) }
        case .object(let object): return object.reduce(0) { $0 + size(of: $1.value) }
        case .null: return 4  // "None"
        case .bool(let b): return b ? 4 : 5  // "True", "False"
        case .number(let n): return n.canonicalLiteral.count
        }
    }

    /// `stream`, or `stream:stderr` for a stream with that name.
    static func matches(_ output: JSONObject, type: String) -> Bool {
        let parts = type.split(separator: ":", maxSplits: 1).map(String.init)
        guard output["output_type"]?.stringValue == parts.first else { return false }
        return parts.count == 1 || output["name"]?.stringValue == parts[1]
    }
}
