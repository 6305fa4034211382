/// A JSON value as Python's `json` module sees it: numbers keep their literal text and their
/// int/float kind, objects keep their key order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The object, when this value is one.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The array, when this value is one.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The integer, when this value is an integer that fits in `Int`.
    public var intValue: Int? {
        if case .number(let n) = self, n.isInteger { return Int(n.canonicalLiteral) }
        return nil
    }

    /// Python's truthiness: `None`, `False`, `0`, `0.0`, `""`, `[]` and `{}` are false.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return !n.isZero
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// A short name of the JSON type, as JSON Schema names it.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Convenience for integer literals.
    public static func int(_ value: Int) -> JSONValue {
        .number(JSONNumber(integer: value))
    }
}

/// A JSON number kept exactly: the literal as read and whether Python would read it as `int`.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal text, e.g. `1`, `-0.0`, `1e5`, `NaN`, `-Infinity`.
    public let literal: String
    /// Python reads literals without `.`, `e` or `E` as `int` (of any size).
    public let isInteger: Bool

    public init(literal: String) {
        self.literal = literal
        self.isInteger = !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            && literal != "NaN" && !literal.hasSuffix("Infinity")
    }

    public init(integer: Int) {
        self.literal = String(integer)
        self.isInteger = true
    }

    public init(double: Double) {
        self.literal = JSONNumber.pythonRepr(double)
        self.isInteger = false
    }

    /// The text Python's `json.dumps` writes for this number.
    public var canonicalLiteral: String {
        if isInteger {
            return literal == "-0" ? "0" : literal
        }
        return JSONNumber.pythonRepr(doubleValue)
    }

    /// The value as a `Double` (integers of any size are rounded).
    public var doubleValue: Double {
        switch literal {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(literal) ?? .nan
        }
    }

    var isZero: Bool { doubleValue == 0 }

    public var description: String { canonicalLiteral }

    /// Python's `repr(float)`, which `json.dumps` uses; Swift's shortest round-trip `description`
    /// has the same digits and the same switch to exponent form (`1e+16`, `1e-05`).
    static func pythonRepr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isInteger && rhs.isInteger { return lhs.canonicalLiteral == rhs.canonicalLiteral }
        return lhs.canonicalLiteral == rhs.canonicalLiteral
            || (lhs.doubleValue == rhs.doubleValue && !lhs.doubleValue.isNaN)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue)
    }
}
