/// Where and why JSON text could not be read. Line and column are 1-based; the column counts
/// characters, not bytes.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }

    static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ message: String) -> JSONParseError {
        // Only on failure: copying the text to share the locator's line counting is fine.
        let location = JSONLocator.lineAndColumn(of: [offset], in: Array(bytes))[0]
        return JSONParseError(line: location.line, column: location.column, offset: offset, message: message)
    }
}
