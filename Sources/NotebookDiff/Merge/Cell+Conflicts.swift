import NotebookFormat

extension JSONObject {
    /// The metadata key under which quire records conflicts: `{"quire": {"conflicts": [...]}}`.
    static let quireKey = "quire"

    /// Appends conflict entries to this metadata object's `quire.conflicts` list.
    mutating func recordConflicts(_ conflicts: [MergeConflict]) {
        guard !conflicts.isEmpty else { return }
        var quire = self[Self.quireKey]?.objectValue ?? JSONObject()
        var list = quire["conflicts"]?.arrayValue ?? []
        list += conflicts.map(\.entry)
        quire["conflicts"] = .array(list)
        self[Self.quireKey] = .object(quire)
    }

    /// The entries under `quire.conflicts`.
    var conflictEntries: [JSONValue] {
        self[Self.quireKey]?.objectValue?["conflicts"]?.arrayValue ?? []
    }
}

extension Cell {
    /// Records conflicts in the cell's metadata.
    mutating func record(_ conflicts: [MergeConflict]) {
        guard !conflicts.isEmpty else { return }
        var metadata = self.metadata
        metadata.recordConflicts(conflicts)
        self.metadata = metadata
    }

    /// Keeps a cell whose fate one side could not decide: a marker line before its source and
    /// an entry in its metadata.
    func keptWithMarker(_ conflict: MergeConflict, clearOutputs: Bool) -> Cell {
        var cell = self
        cell.json["source"] = .string("<<<<<<< \(conflict.message) >>>>>>>\n" + source)
        if clearOutputs && cell.isCode { CellMerge.setOutputs(of: &cell, from: nil) }
        cell.record([conflict])
        return cell
    }
}
