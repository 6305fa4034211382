/// What `NotebookValidator` found in one notebook.
public struct ValidationReport: Sendable, Equatable {
    /// Schema errors, in the order jsonschema finds them; the first is the one nbformat raises.
    public var errors: [ValidationIssue]
    /// Problems nbformat repairs silently before it validates (missing or duplicate 4.5 cell
    /// ids); `quire normalize` repairs them deterministically.
    public var warnings: [ValidationIssue]

    public init(errors: [ValidationIssue] = [], warnings: [ValidationIssue] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// True when nbformat's `validate` would accept the notebook.
    public var isValid: Bool { errors.isEmpty }
}

/// One problem at one place of a notebook.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String
    /// Where the value at `path` starts in the file (1-based; the column counts characters), or
    /// where the deepest value on the way to it starts when `path` names a missing member.
    /// Nil when the notebook was validated from a `JSONValue` rather than from its bytes.
    public var line: Int?
    public var column: Int?

    public init(path: JSONPath, message: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    /// `12:5: /cells/3/id: message`, or `/cells/3/id: message` without a location.
    public var description: String {
        var text = ""
        if let line, let column { text += "\(line):\(column): " }
        return text + "\(path.pointer): \(message)"
    }
}
