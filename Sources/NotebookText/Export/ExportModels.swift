import NotebookFormat

/// A notebook to export, with its place in the project.
public struct ExportNotebook: Sendable {
    /// The project path (`nbs/00_core.ipynb`), used in module headers.
    public var path: String
    /// The notebook as the user named it, used in error messages.
    public var displayPath: String
    public var notebook: Notebook
    /// Named on the command line: a notebook in another language is then an error, not skipped.
    public var isExplicit: Bool

    public init(path: String, displayPath: String, notebook: Notebook, isExplicit: Bool) {
        self.path = path
        self.displayPath = displayPath
        self.notebook = notebook
        self.isExplicit = isExplicit
    }
}

/// Where modules go.
public struct ExportSettings: Sendable {
    /// The project root, an absolute folder; no module may leave it.
    public var root: String
    /// The library folder as a project path (`mylib`, "" for the root), or nil for the folder of
    /// each notebook.
    public var library: String?

    public init(root: String, library: String?) {
        self.root = root
        self.library = library
    }
}

/// One module, fully built in memory.
public struct ModuleFile: Sendable, Equatable {
    /// The project path (`mylib/core.py`).
    public var path: String
    public var bytes: [UInt8]
}

/// A cell's code on its way into a module.
struct ExportedCell: Sendable {
    var notebook: String
    /// `#<cell id>`, or the cell's index from 0 for notebooks without ids (as nbdev 2 wrote it).
    var reference: String
    var code: String
    var inAll: Bool
    var origin: CellOrigin
}

/// A module being assembled from the cells that go into it.
struct ModuleDraft: Sendable {
    enum Kind: Sendable { case nbdev, writeFile }
    var path: String
    var kind: Kind
    var cells: [ExportedCell] = []
    var origin: CellOrigin
}
