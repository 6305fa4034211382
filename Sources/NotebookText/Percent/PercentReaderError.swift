/// Why a percent script could not be read: the line (1-based) and what to do.
public struct PercentReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The `# ---` header is not closed, or its `jupyter:` YAML cannot be read.
        case malformedHeader
        /// A `# %%` line whose options cannot be read (`key=value` with a value that is not JSON).
        case malformedMarker
        /// `# %% [type]` with a type other than `markdown`, `md` or `raw`.
        case unknownCellType
        /// The header names another jupytext format (`light`, `sphinx`...) than percent.
        case unsupportedFormat
    }

    public var code: Code
    public var line: Int
    public var message: String
    /// The script's path, when the caller knows it.
    public var file: String?

    public init(_ code: Code, line: Int, _ message: String, file: String? = nil) {
        self.code = code
        self.line = line
        self.message = message
        self.file = file
    }

    public func inFile(_ path: String) -> PercentReaderError {
        var copy = self
        copy.file = path
        return copy
    }

    public var description: String {
        "\(file ?? "<stdin>"):\(line): \(message)"
    }

    /// Bad input data (sysexits.h `EX_DATAERR`), as DESIGN.md gives it.
    public var exitCode: Int32 { 65 }
}
