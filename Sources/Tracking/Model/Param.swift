/// A run parameter: a string value that, once logged, never changes.
public struct Param: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
