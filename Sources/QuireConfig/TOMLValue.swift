/// A TOML value. Dates and times are kept as their text; quire's settings never use them.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case dateTime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    public var tableValue: TOMLTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// A short name for error messages.
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .bool: return "a boolean"
        case .dateTime: return "a date"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A TOML table, keys in document order, with the line each key was defined on.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    public private(set) var lines: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }

    mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        lines[key] = line
    }

    /// The table at a dotted path such as `tool.quire.clean`, if there is one.
    public func table(at path: [String]) -> TOMLTable? {
        var current = self
        for key in path {
            guard let next = current[key]?.tableValue else { return nil }
            current = next
        }
        return current
    }
}
