/// Why quire could not read or change the git setup. The message says what to do.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// git is not installed or not on PATH.
        case gitMissing
        /// A repository was needed and the working directory is not in one.
        case notARepository
        /// A git command failed.
        case commandFailed
        /// A file (an attributes file) could not be read or written.
        case io
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// 1 for every kind: the command could not do its job (DESIGN.md).
    public var exitCode: Int32 { 1 }
}
