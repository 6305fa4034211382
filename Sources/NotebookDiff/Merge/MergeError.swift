import NotebookFormat

/// Why a merge produced no notebook. Nothing was written when one is thrown.
public struct MergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One of the three inputs.
    public enum Side: String, Sendable, CaseIterable {
        case base, local, remote
    }

    public enum Kind: Sendable, Equatable {
        /// An input could not be read, or is not a valid notebook.
        case badInput(Side)
        /// quire's own failure: the merged notebook would not be valid. A bug to report.
        case internalFailure
    }

    public var kind: Kind
    /// The reader's or validator's error for a bad input, without a file name.
    public var underlying: NotebookError?
    public var message: String

    public init(_ kind: Kind, _ message: String, underlying: NotebookError? = nil) {
        self.kind = kind
        self.message = message
        self.underlying = underlying
    }

    static func input(_ side: Side, _ error: NotebookError) -> MergeError {
        MergeError(.badInput(side), error.message, underlying: error)
    }

    /// The error with the input's file named, for messages.
    public func naming(_ file: (Side) -> String) -> String {
        guard case .badInput(let side) = kind else { return message }
        if let underlying { return underlying.inFile(file(side)).description }
        return file(side) + ": " + message
    }

    public var description: String {
        switch kind {
        case .badInput(let side): return naming { _ in side.rawValue }
        case .internalFailure: return "internal error: \(message)"
        }
    }

    /// DESIGN.md's exit codes: 65/66 for bad or missing input, 70 for an internal error.
    public var exitCode: Int32 {
        switch kind {
        case .badInput: return underlying?.exitCode ?? 65
        case .internalFailure: return 70
        }
    }
}
