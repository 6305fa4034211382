import NotebookFormat

/// A merged notebook: valid by construction (checked against the nbformat schema), with the
/// conflicts that this merge left marked in it.
public struct MergeResult: Sendable {
    public var notebook: Notebook
    /// The notebook as nbformat writes it.
    public var bytes: [UInt8]
    /// What this merge could not decide, in the order of the cells.
    public var conflicts: [MergeConflict]

    public var isClean: Bool { conflicts.isEmpty }

    public init(notebook: Notebook, bytes: [UInt8], conflicts: [MergeConflict]) {
        self.notebook = notebook
        self.bytes = bytes
        self.conflicts = conflicts
    }
}
