/// Why a notebook could not be read, written or checked. The description names the file, the
/// place (line and column, or a JSON path) and what to do.
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not JSON at all, or broken JSON.
        case invalidJSON
        /// JSON, but not a notebook (no `nbformat`, cells missing, wrong types).
        case notANotebook
        /// An nbformat major version quire cannot read.
        case unsupportedVersion
        /// The file holds unresolved git conflict markers.
        case conflictMarkers
        /// The file does not exist.
        case missingFile
        /// The input cannot be read: a directory, no permission.
        case unreadableInput
        /// The result could not be written (permissions, a full disk).
        case io
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// A JSON path such as `/cells/3/source` when the problem is in the structure.
    public var jsonPath: String?
    public var message: String

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
    }

    public func inFile(_ path: String) -> NotebookError {
        var copy = self
        copy.file = path
        return copy
    }

    public var description: String {
        var parts: [String] = []
        parts.append(file ?? "<stdin>")
        if let line { parts.append(String(line)) }
        if let column { parts.append(String(column)) }
        var text = parts.joined(separator: ":") + ": "
        if let jsonPath { text += jsonPath + ": " }
        return text + message
    }

    /// The exit code DESIGN.md gives this kind of failure (sysexits.h).
    public var exitCode: Int32 {
        switch kind {
        case .invalidJSON, .notANotebook, .unsupportedVersion, .conflictMarkers: return 65
        case .missingFile, .unreadableInput: return 66
        case .io: return 74
        }
    }
}
