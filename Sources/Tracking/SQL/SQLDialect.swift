/// What differs between the SQL databases the stores use, for SQL built in this module.
///
/// Both stores share one schema shape (`runs`, `params`, `tags`, `latest_metrics` with NULL
/// for a NaN latest value) and one translation of searches (``RunSearchSQL``); a dialect
/// supplies the placeholders and the `LIKE`/`ILIKE` matching that must agree with
/// ``LikePattern``.
public protocol SQLDialect: Sendable {
    /// The placeholder for the `number`th bound parameter (1-based): `?` or `$1`.
    func placeholder(_ number: Int) -> String
    /// A condition true when `column` matches `pattern` (a placeholder) as ``LikePattern`` does:
    /// `%` and `_` wildcards, no escape character, case-sensitive unless `caseInsensitive`.
    func like(_ column: String, pattern: String, caseInsensitive: Bool) -> String
}

/// A value bound to a placeholder of SQL built by this module.
public enum SQLParameter: Sendable, Hashable {
    case text(String)
    case real(Double)
    case integer(Int64)
}

/// SQL text with its bound parameters, built left to right so placeholders number in order.
struct SQLBuilder {
    let dialect: any SQLDialect
    private(set) var parameters: [SQLParameter] = []

    init(dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: SQLParameter) -> String {
        parameters.append(value)
        return dialect.placeholder(parameters.count)
    }

    /// Binds every value; returns the placeholders joined with commas.
    mutating func bindList(_ values: [SQLParameter]) -> String {
        values.map { bind($0) }.joined(separator: ", ")
    }
}
