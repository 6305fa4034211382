/// A template that does not parse: which one, where, and why.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var template: String
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    public var message: String

    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}
