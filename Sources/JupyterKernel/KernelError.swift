/// Why a kernel could not be found, started, or kept running.
public struct KernelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No kernelspec by that name (a usage error: exit 64).
        case noSuchKernel
        /// A kernel.json that cannot be read or used.
        case badKernelspec
        /// The kernel process could not be spawned or never answered.
        case launchFailed
        /// The kernel process ended while quire was waiting for it.
        case died
        /// A cell ran past its timeout and the kernel had to be interrupted or killed.
        case timeout
        /// The kernel broke the protocol.
        case protocolError
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
