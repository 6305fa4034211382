/// A parsed search filter: comparisons joined by `AND` and `OR` (AND binds tighter).
///
/// `metrics.acc > 0.5 AND (params.lr = '0.1' OR tags.team = 'x')` parses to
/// `.and([.comparison(acc > 0.5), .or([.comparison(lr = '0.1'), .comparison(team = 'x')])])`.
/// Operands of `.and`/`.or` are never themselves of the same kind (the parser flattens them).
public indirect enum FilterExpression: Sendable, Hashable {
    case comparison(Comparison)
    case and([FilterExpression])
    case or([FilterExpression])
}

/// One clause: `<key> <operator> <value>`.
public struct Comparison: Sendable, Hashable {
    public var key: SearchKey
    public var op: ComparisonOperator
    public var value: FilterValue

    public init(_ key: SearchKey, _ op: ComparisonOperator, _ value: FilterValue) {
        self.key = key
        self.op = op
        self.value = value
    }
}

/// What a filter or `order_by` clause refers to: `metrics.acc`, `params.lr`, `tags.x`, or an
/// attribute by its canonical name (`created` is read as `start_time`).
public struct SearchKey: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case metric, param, tag, attribute
    }

    public var kind: Kind
    public var name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public static func metric(_ name: String) -> SearchKey { SearchKey(.metric, name) }
    public static func param(_ name: String) -> SearchKey { SearchKey(.param, name) }
    public static func tag(_ name: String) -> SearchKey { SearchKey(.tag, name) }
    public static func attribute(_ name: String) -> SearchKey { SearchKey(.attribute, name) }
}

public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case like = "LIKE"
    case ilike = "ILIKE"
    case isNull = "IS NULL"
    case isNotNull = "IS NOT NULL"
    case `in` = "IN"
    case notIn = "NOT IN"
}

/// The right-hand side of a comparison; `.none` for `IS NULL` / `IS NOT NULL`.
public enum FilterValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case list([String])
    case none
}
