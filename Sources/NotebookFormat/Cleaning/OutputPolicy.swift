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

    /// Whether nbstripout's `get_size` of the output — the total length of its strings, other
    /// scalars counted by the length of their Python `str()` — is above `limit`. Stops counting
    /// as soon as it is, so huge images cost nothing when every output goes anyway.
    static func size(of value: JSONValue, exceeds limit: Int) -> Bool {
        var remaining = limit
        return exceeds(value, &remaining)
    }

    private static func exceeds(_ value: JSONValue, _ remaining: inout Int) -> Bool {
        switch value {
        case .string(let s):
            // A character takes one to four UTF-8 bytes: decide without counting when possible.
            let bytes = s.utf8.count
            if bytes / 4 > remaining { return true }
            remaining -= s.unicodeScalars.count
        case .array(let items):
            for item in items where exceeds(item, &remaining) { return true }
        case .object(let object):
            for entry in object where exceeds(entry.value, &remaining) { return true }
        case .null: remaining -= 4  // "None"
        case .bool(let b): remaining -= b ? 4 : 5  // "True", "False"
        case .number(let n): remaining -= n.canonicalLiteral.count
        }
        return remaining < 0
    }

    /// `stream`, or `stream:stderr` for a stream with that name.
    static func matches(_ output: JSONObject, type: String) -> Bool {
        let parts = type.split(separator: ":", maxSplits: 1).map(String.init)
        guard output["output_type"]?.stringValue == parts.first else { return false }
        return parts.count == 1 || output["name"]?.stringValue == parts[1]
    }
}
