import Tracking

/// SQLite's side of the shared search SQL: `?` placeholders and `quire_like`, the evaluator's
/// own matcher (SQLite's LIKE ignores ASCII case and has no ILIKE).
struct SQLiteDialect: SQLDialect {
    func placeholder(_ number: Int) -> String { "?" }

    func like(_ column: String, pattern: String, caseInsensitive: Bool) -> String {
        "quire_like(\(column), \(pattern), \(caseInsensitive ? 1 : 0))"
    }
}

extension SQLValue {
    init(_ parameter: SQLParameter) {
        switch parameter {
        case .text(let text): self = .text(text)
        case .real(let value): self = .real(value)
        case .integer(let value): self = .integer(value)
        }
    }
}
