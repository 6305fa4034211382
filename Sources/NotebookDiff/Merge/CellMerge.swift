import NotebookFormat

/// Merges the versions of one cell field by field: the source line by line, metadata,
/// attachments and unknown fields key by key, the cell type and id as single values, and the
/// outputs with the execution count as one unit that never conflicts.
struct CellMerge {
    var options: MergeOptions

    struct Outcome {
        var cell: Cell
        var conflicts: [MergeConflict] = []
    }

    /// The fields merged on their own; everything else goes through `ObjectMerge`.
    static let ownFields: Set<String> = ["cell_type", "id", "source", "metadata", "attachments", "outputs", "execution_count"]

    /// Merges a cell found on both sides; a nil base means it is unknown.
    func merge(base: Cell?, local: Cell, remote: Cell) -> Outcome {
        var outcome: Outcome
        if local == remote || base == remote {
            outcome = Outcome(cell: local)
        } else if base == local {
            outcome = Outcome(cell: remote)
        } else {
            outcome = mergeFields(base: base, local: local, remote: remote)
        }
        if options.outputs != .auto, outcome.cell.isCode {
            let source: Cell? = options.outputs == .local ? local : options.outputs == .remote ? remote : nil
            Self.setOutputs(of: &outcome.cell, from: source)
        }
        outcome.cell.record(outcome.conflicts)
        return outcome
    }

    private func mergeFields(base: Cell?, local: Cell, remote: Cell) -> Outcome {
        var conflicts: [MergeConflict] = []
        func conflict(_ kind: MergeConflict.Kind, _ message: String, key: String? = nil, _ values: ObjectMerge.Conflict? = nil) {
            conflicts.append(MergeConflict(
                kind: kind, message: message, key: key, base: values?.base, local: values?.local, remote: values?.remote))
        }

        var others = ObjectMerge()
        var json = others.merge(
            base: base.map { Self.otherFields($0.json) }, local: Self.otherFields(local.json), remote: Self.otherFields(remote.json))
        for c in others.conflicts {
            let key = c.path.joined(separator: "/")
            conflict(.field, "both sides changed '\(key)'", key: key, c)
        }

        let type = Self.choose(base?.json["cell_type"], local.json["cell_type"], remote.json["cell_type"])
        json["cell_type"] = type.value
        if type.conflict {
            let names = [local, remote].map { $0.cellType ?? "none" }
            conflict(.cellType, "both sides changed the cell type (local \(names[0]), remote \(names[1])); local's was kept",
                     .init(path: [], base: base?.json["cell_type"], local: local.json["cell_type"], remote: remote.json["cell_type"]))
        }
        // The id stays the base's unless one side changed it; local's when both did.
        if let id = Self.choose(base?.json["id"], local.json["id"], remote.json["id"]).value { json["id"] = id }

        let source = TextMerge(showBase: options.showBase).merge(base: base?.source, local: local.source, remote: remote.source)
        json["source"] = .string(source.text)
        if source.conflicts > 0 {
            let places = source.conflicts == 1 ? "" : " (\(source.conflicts) places)"
            conflict(.source, "both sides edited the source" + places)
        }

        var metadata = ObjectMerge(volatileKeys: Self.volatileMetadata)
        json["metadata"] = .object(metadata.merge(base: base?.metadata, local: local.metadata, remote: remote.metadata))
        for c in metadata.conflicts {
            let key = c.path.joined(separator: "/")
            conflict(.metadata, "both sides changed metadata '\(key)'; local's value was kept", key: key, c)
        }

        let attachments = [base?.json, local.json, remote.json].map { $0?["attachments"]?.objectValue }
        if attachments[1] != nil || attachments[2] != nil {
            var merge = ObjectMerge()
            let merged = merge.merge(base: base.map { _ in attachments[0] ?? JSONObject() },
                                     local: attachments[1] ?? JSONObject(), remote: attachments[2] ?? JSONObject())
            if !merged.isEmpty || local.json["attachments"] != nil { json["attachments"] = .object(merged) }
            for c in merge.conflicts {
                let key = c.path.joined(separator: "/")
                conflict(.attachments, "both sides changed attachment '\(c.path.first ?? key)'; local's was kept", key: key)
            }
        }

        var cell = Cell(json)
        if cell.isCode {
            Self.setOutputs(of: &cell, from: autoOutputs(base: base, local: local, remote: remote, mergedSource: source.text))
        }
        Self.shape(&cell)
        return Outcome(cell: cell, conflicts: conflicts)
    }

    /// Whose outputs a merged code cell gets by default: the same on both sides, or those of
    /// the only side that changed the source; when neither changed it, those of the only side
    /// that changed the outputs; otherwise none (nil).
    private func autoOutputs(base: Cell?, local: Cell, remote: Cell, mergedSource: String) -> Cell? {
        let runs = [base, local, remote].map { cell in cell.map { [$0.json["outputs"], $0.json["execution_count"]] } }
        if runs[1] == runs[2] { return local }
        guard let base else { return nil }
        let localEdited = local.source != base.source, remoteEdited = remote.source != base.source
        if local.source == remote.source || (!localEdited && !remoteEdited) {
            if runs[1] == runs[0] { return remote }
            if runs[2] == runs[0] { return local }
            return nil
        }
        if localEdited && !remoteEdited { return local }
        if remoteEdited && !localEdited { return remote }
        return nil
    }

    /// Gives a code cell the outputs and execution count of `source`, or clears them.
    static func setOutputs(of cell: inout Cell, from source: Cell?) {
        cell.json["outputs"] = source?.json["outputs"] ?? .array([])
        cell.json["execution_count"] = source?.json["execution_count"] ?? .null
        shape(&cell)
    }

    /// Only the fields nbformat allows for the cell's type: outputs and an execution count for
    /// code cells, neither for markdown and raw cells.
    static func shape(_ cell: inout Cell) {
        if cell.json["metadata"]?.objectValue == nil { cell.json["metadata"] = .object(JSONObject()) }
        if cell.isCode {
            if cell.json["outputs"]?.arrayValue == nil { cell.json["outputs"] = .array([]) }
            if cell.json["execution_count"] == nil { cell.json["execution_count"] = .null }
            cell.json.removeValue(forKey: "attachments")
        } else {
            cell.json.removeValue(forKey: "outputs")
            cell.json.removeValue(forKey: "execution_count")
        }
    }

    /// A single value merged three ways: local's when both sides changed it.
    static func choose(_ base: JSONValue?, _ local: JSONValue?, _ remote: JSONValue?) -> (value: JSONValue?, conflict: Bool) {
        if local == remote || base == remote { return (local, false) }
        if base == local { return (remote, false) }
        return (local ?? remote, true)
    }

    static func otherFields(_ json: JSONObject) -> JSONObject {
        var copy = JSONObject()
        for entry in json where !ownFields.contains(entry.key) { copy[entry.key] = entry.value }
        return copy
    }

    /// Metadata keys that change whenever a cell runs or is looked at: no edit.
    static let volatileMetadata: Set<String> = ["collapsed", "scrolled", "autoscroll", "ExecuteTime", "execution", "trusted"]

    /// True when `cell` differs from `base` in more than outputs, execution count, id and
    /// volatile metadata: an edit that a deletion on the other side must not drop silently.
    static func isEdited(_ cell: Cell, from base: Cell) -> Bool {
        func content(_ cell: Cell) -> JSONObject {
            var json = cell.json
            for key in ["outputs", "execution_count", "id"] { json.removeValue(forKey: key) }
            var metadata = cell.metadata
            for key in volatileMetadata { metadata.removeValue(forKey: key) }
            json["metadata"] = .object(metadata)
            return json
        }
        return content(cell) != content(base)
    }
}
