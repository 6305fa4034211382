/// A run tag: a string value that may be overwritten or deleted.
public struct RunTag: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
