/// Why notebooks cannot be exported to modules. The description names the notebook, the cell
/// (its position and id) and the line inside the cell, then what to do.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An IPython magic, shell escape or help request in a cell that is exported.
        case magic
        /// A directive quire cannot use (`#| default_exp` twice, a bad module name...).
        case badDirective
        /// A module path that leaves the project (`..`, an absolute path, a symbolic link).
        case outsideProject
        /// A notebook whose kernel language is not Python.
        case notPython
        /// One module written both by nbdev directives and by `%%writefile`.
        case conflictingTargets
    }

    public var kind: Kind
    /// The notebook as the user named it.
    public var notebook: String
    /// The cell's position in the notebook, from 1.
    public var cell: Int?
    public var cellID: String?
    /// The line inside the cell, from 1.
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, _ message: String, notebook: String, cell: Int? = nil, cellID: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.notebook = notebook
        self.cell = cell
        self.cellID = cellID
        self.line = line
    }

    public var description: String {
        var place = notebook
        if let cell {
            place += ": cell \(cell)" + (cellID.map { " (id \($0))" } ?? "")
            if let line { place += ", line \(line)" }
        }
        return place + ": " + message
    }

    /// Every export error is bad input data (sysexits.h EX_DATAERR).
    public var exitCode: Int32 { 65 }
}

/// Where a piece of exported code comes from, for error messages.
struct CellOrigin: Sendable, Equatable {
    var notebook: String
    var cell: Int
    var cellID: String?

    func error(_ kind: ExportError.Kind, _ message: String, line: Int?) -> ExportError {
        ExportError(kind, message, notebook: notebook, cell: cell, cellID: cellID, line: line)
    }
}
