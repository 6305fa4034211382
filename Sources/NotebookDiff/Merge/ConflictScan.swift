import NotebookFormat

/// Finds the conflicts left in a notebook: the entries quire's merge wrote under
/// `metadata.quire.conflicts`, and git-style markers in cell sources. An entry about a cell's
/// text (source, deleted-modified, added-or-deleted) counts only while its markers are still
/// in the source, so removing the markers in an editor resolves it; other entries count until
/// they are removed from the metadata.
public enum ConflictScan {
    public static func conflicts(in notebook: Notebook) -> [MergeConflict] {
        var result = notebook.metadata.conflictEntries.compactMap { MergeConflict(entry: $0, cellIndex: nil, cellID: nil) }
        for (index, cell) in notebook.cells.enumerated() {
            let lines = cell.source.pythonSplitLines()
            let hasOpening = lines.contains { $0.hasPrefix("<<<<<<<") }
            var coversMarkers = false
            for entry in cell.metadata.conflictEntries {
                guard let conflict = MergeConflict(entry: entry, cellIndex: index, cellID: cell.id) else { continue }
                if textKinds.contains(conflict.kind) {
                    guard hasOpening else { continue }
                    coversMarkers = true
                }
                result.append(conflict)
            }
            if !coversMarkers, ConflictMarkers.firstMarkerLine(in: Array(cell.source.utf8)) != nil {
                result.append(MergeConflict(kind: .markers, message: "conflict markers in the source", cellIndex: index, cellID: cell.id))
            }
        }
        return result
    }

    static let textKinds: Set<MergeConflict.Kind> = [.source, .deletedModified, .addedOrDeleted, .markers]
}
