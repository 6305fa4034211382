import NotebookFormat

/// Three-way merge of notebooks on their cell structure. The result is always a valid
/// notebook: what cannot be decided stays in it, marked (see `MergeConflict`), and a result
/// that would not pass nbformat's schema is an error, never written.
public enum NotebookMerge {
    /// Merges three notebook files' bytes. nbformat 2 and 3 inputs are upgraded to 4; the
    /// result's `nbformat_minor` is the largest of the inputs'. An empty base (git passes one
    /// when both branches added the file) means there is none: see `merge(base:local:remote:)`.
    public static func merge(
        base: [UInt8], local: [UInt8], remote: [UInt8], options: MergeOptions = MergeOptions()
    ) throws(MergeError) -> MergeResult {
        let pool = StringPool()  // the three versions share their images' storage
        let b = isEmpty(base) ? nil : try read(base, as: .base, pool: pool)
        let l = try read(local, as: .local, pool: pool)
        let r = try read(remote, as: .remote, pool: pool)
        return try merge(base: b, local: l, remote: r, options: options)
    }

    /// Merges three notebook files, reading one at a time so that only one file's bytes are in
    /// memory at once (the parsed versions share their long strings). An input that is missing
    /// or unreadable is a `badInput` error whose `exitCode` is 66.
    public static func merge(
        basePath: String, localPath: String, remotePath: String, options: MergeOptions = MergeOptions()
    ) throws(MergeError) -> MergeResult {
        // The inputs live only in here, so that they are gone when the result is written.
        func mergeFiles() throws(MergeError) -> (Notebook, [MergeConflict]) {
            let pool = StringPool()
            func contents(_ path: String, _ side: MergeError.Side) throws(MergeError) -> [UInt8] {
                do throws(NotebookError) {
                    return try FileIO.read(path)
                } catch {
                    throw MergeError.input(side, error)
                }
            }
            var base: Notebook?
            do {
                let bytes = try contents(basePath, .base)
                base = isEmpty(bytes) ? nil : try read(bytes, as: .base, pool: pool)
            }
            let local = try read(contents(localPath, .local), as: .local, pool: pool)
            let remote = try read(contents(remotePath, .remote), as: .remote, pool: pool)
            return try mergedNotebook(base: base, local: local, remote: remote, options: options)
        }
        let (notebook, conflicts) = try mergeFiles()
        return MergeResult(notebook: notebook, bytes: NotebookWriter.bytes(notebook), conflicts: conflicts)
    }

    /// True for a file with nothing but white space.
    static func isEmpty(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Reads one input as the merge does: upgraded to nbformat 4, long strings shared through
    /// `pool` with the other inputs.
    public static func read(_ bytes: [UInt8], as side: MergeError.Side, pool: StringPool? = nil) throws(MergeError) -> Notebook {
        do throws(NotebookError) {
            return try NotebookReader.read(bytes, pool: pool).upgradedToV4()
        } catch {
            throw MergeError.input(side, error)
        }
    }

    /// Merges three notebooks (nbformat 4). Without a base, every difference between the two
    /// sides is a conflict and every cell found on one side only is kept, marked.
    public static func merge(
        base: Notebook?, local: Notebook, remote: Notebook, options: MergeOptions = MergeOptions()
    ) throws(MergeError) -> MergeResult {
        let (notebook, conflicts) = try mergedNotebook(base: base, local: local, remote: remote, options: options)
        return MergeResult(notebook: notebook, bytes: NotebookWriter.bytes(notebook), conflicts: conflicts)
    }

    /// The merged notebook, checked against the schema, and its conflicts.
    static func mergedNotebook(
        base: Notebook?, local: Notebook, remote: Notebook, options: MergeOptions
    ) throws(MergeError) -> (Notebook, [MergeConflict]) {
        for (notebook, side) in [(base, MergeError.Side.base), (local, .local), (remote, .remote)] {
            if let notebook, notebook.major != 4 {
                throw MergeError(.badInput(side), "nbformat \(notebook.major) cannot be merged; upgrade the notebook to nbformat 4")
            }
        }
        var fields = ObjectMerge()
        var json = fields.merge(
            base: base.map { topLevelFields($0.json) }, local: topLevelFields(local.json), remote: topLevelFields(remote.json))
        var conflicts = fields.conflicts.map { c in
            MergeConflict(kind: .field, message: "both sides changed '\(c.path.joined(separator: "/"))'; local's value was kept",
                          key: c.path.joined(separator: "/"), base: c.base, local: c.local, remote: c.remote)
        }
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int([base, local, remote].compactMap { $0?.minor }.max() ?? local.minor)

        var metadata = ObjectMerge(volatileKeys: volatileMetadata)
        var mergedMetadata = metadata.merge(base: base?.metadata, local: local.metadata, remote: remote.metadata)
        conflicts += metadata.conflicts.map { c in
            let key = c.path.joined(separator: "/")
            return MergeConflict(kind: .metadata, message: "both sides changed metadata '\(key)'; local's value was kept",
                                 key: key, base: c.base, local: c.local, remote: c.remote)
        }
        mergedMetadata.recordConflicts(conflicts)
        json["metadata"] = .object(mergedMetadata)

        let lists = CellListMerge(cellMerge: CellMerge(options: options))
        let outcomes = base.map { lists.merge(base: $0.cells, local: local.cells, remote: remote.cells) }
            ?? lists.mergeWithoutBase(local: local.cells, remote: remote.cells)
        json["cells"] = .array(outcomes.map { .object($0.cell.json) })
        var notebook = Notebook(json: json)
        if notebook.hasCellIDs { CellIDs.repair(&notebook) }

        let cells = notebook.cells
        for (index, outcome) in outcomes.enumerated() {
            for var conflict in outcome.conflicts {
                conflict.cellIndex = index
                conflict.cellID = cells[index].id
                conflicts.append(conflict)
            }
        }
        try check(notebook, inputs: [(base, .base), (local, .local), (remote, .remote)])
        return (notebook, conflicts)
    }

    /// Notebook metadata that the kernel and widgets write as the notebook runs: local's value
    /// is kept without a conflict when both sides changed it.
    static let volatileMetadata: Set<String> = ["language_info", "widgets"]

    /// The top-level fields other than the ones merged on their own.
    static func topLevelFields(_ json: JSONObject) -> JSONObject {
        var copy = JSONObject()
        for entry in json where !["cells", "metadata", "nbformat", "nbformat_minor"].contains(entry.key) {
            copy[entry.key] = entry.value
        }
        return copy
    }

    /// Throws unless the merged notebook passes nbformat's schema. When it does not, an input
    /// that fails too is named as the cause; otherwise it is quire's own failure.
    static func check(_ notebook: Notebook, inputs: [(Notebook?, MergeError.Side)]) throws(MergeError) {
        let report: ValidationReport
        do throws(NotebookError) {
            report = try NotebookValidator.validate(.object(notebook.json))
        } catch {
            throw MergeError(.internalFailure, "the merged notebook cannot be read back: \(error.message)")
        }
        guard let first = report.errors.first else { return }
        for case (let input?, let side) in inputs {
            if let error = try? NotebookValidator.validate(.object(input.json)).errors.first {
                throw MergeError(.badInput(side), "not a valid notebook, so neither is the merge: \(error)")
            }
        }
        throw MergeError(.internalFailure, "the merged notebook would not be valid (\(first)); nothing was written")
    }
}
