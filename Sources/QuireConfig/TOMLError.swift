/// Why a TOML document could not be read.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "\(line): \(message)" }
}
