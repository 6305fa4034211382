/// A failure talking to git over the filter protocol.
public struct FilterProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// git closed the pipe (or it broke) in the middle of a message.
        case closed
        /// A packet or message that does not follow the protocol.
        case malformed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "git filter protocol: " + message }
}
