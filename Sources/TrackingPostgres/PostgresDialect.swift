import PostgresNIO
import Tracking

/// PostgreSQL's side of the shared search SQL (`RunSearchSQL` in `Tracking`).
///
/// `LIKE` gets `ESCAPE ''` because PostgreSQL would otherwise treat `\` as an escape, which
/// MLflow's patterns do not have; columns use the `"C"` collation, so `LIKE` is case-sensitive
/// and `_` is one character. `ILIKE` lowercases both sides with `lower()` under a Unicode
/// collation (ICU's root locale when the server has it): PostgreSQL's own `ILIKE` under `"C"`
/// folds ASCII letters only, while the evaluator lowercases all of Unicode.
struct PostgresDialect: SQLDialect {
    /// The collation `lower()` runs under: `und-x-icu`, or `C` (ASCII only) on a server built without ICU.
    var caseFoldingCollation = "und-x-icu"

    func placeholder(_ number: Int) -> String { "$\(number)" }

    func like(_ column: String, pattern: String, caseInsensitive: Bool) -> String {
        guard caseInsensitive else { return "\(column) LIKE \(pattern) ESCAPE ''" }
        let collation = "\"\(caseFoldingCollation)\""
        return "lower(\(column) COLLATE \(collation)) LIKE lower(\(pattern) COLLATE \(collation)) ESCAPE ''"
    }

    /// The dialect for the server behind `connection`.
    static func detect(_ connection: PostgresConnection, logger: Logger) async throws -> PostgresDialect {
        for try await _ in try await connection.query(
            "SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'", logger: logger)
        {
            return PostgresDialect()
        }
        return PostgresDialect(caseFoldingCollation: "C")
    }
}

extension PostgresQuery {
    /// SQL built by `Tracking` with its parameters, as a query with bound values.
    init(_ sql: String, parameters: [SQLParameter]) {
        var binds = PostgresBindings()
        for parameter in parameters {
            switch parameter {
            case .text(let text): binds.append(text, context: .default)
            case .real(let value): binds.append(value, context: .default)
            case .integer(let value): binds.append(value, context: .default)
            }
        }
        self.init(unsafeSQL: sql, binds: binds)
    }
}
