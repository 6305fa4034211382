/// Translates a ``RunQuery`` into one SQL query returning the run ids of a page, in order, for
/// any store with the shared schema shape (see ``SQLDialect``).
///
/// Values are always bound parameters. The semantics match `FilterExpression.matches` and
/// `SearchOrdering`: a missing key or a NaN metric (NULL in `latest_metrics`) fails every
/// comparison and sorts last; LIKE/ILIKE are the dialect's rendering of ``LikePattern``;
/// strings must compare by bytes (SQLite's BINARY collation, PostgreSQL's `"C"`).
public struct RunSearchSQL: Sendable {
    public let sql: String
    public let parameters: [SQLParameter]

    /// - Parameters:
    ///   - experimentKeys: the integer keys of the experiments searched (not empty).
    ///   - offset: the first row of the page; one row more than `maxResults` is fetched to
    ///     tell whether another page follows.
    public init(_ query: RunQuery, experimentKeys: [Int64], offset: Int, dialect: some SQLDialect) {
        var builder = SQLBuilder(dialect: dialect)
        var joins = ""
        var orderClauses: [String] = []
        for (index, term) in query.ordering.terms.enumerated() {
            let expression: String
            if let table = Self.table(for: term.key.kind) {
                let alias = "o\(index)"
                joins += " LEFT JOIN \(table) \(alias) ON \(alias).run_uuid = r.run_uuid AND \(alias).key = "
                    + builder.bind(.text(term.key.name))
                expression = "\(alias).value"
            } else {
                expression = Self.column(for: term.key.name)
            }
            let direction = term.ascending ? "ASC" : "DESC"
            // Only nullable values need the nulls-last term; without it on NOT NULL columns,
            // the default order (start_time DESC) can read an index and stop after one page.
            orderClauses.append(Self.isNullable(term.key)
                ? "(\(expression) IS NULL), \(expression) \(direction)" : "\(expression) \(direction)")
        }
        let condition = Self.condition(query, experimentKeys: experimentKeys, &builder)
        let limit = builder.bind(.integer(Int64(query.maxResults) + 1))
        let offset = builder.bind(.integer(Int64(offset)))
        sql = "SELECT r.run_uuid FROM runs r\(joins) WHERE \(condition) ORDER BY \(orderClauses.joined(separator: ", ")) "
            + "LIMIT \(limit) OFFSET \(offset)"
        parameters = builder.parameters
    }

    /// One query counting every run `query` matches, over all pages; the filter is translated
    /// by the same code as a search's, so the count is the length of the full search result.
    public init(counting query: RunQuery, experimentKeys: [Int64], dialect: some SQLDialect) {
        var builder = SQLBuilder(dialect: dialect)
        let condition = Self.condition(query, experimentKeys: experimentKeys, &builder)
        sql = "SELECT COUNT(*) FROM runs r WHERE \(condition)"
        parameters = builder.parameters
    }

    /// The runs of the experiments and view that pass the filter.
    private static func condition(_ query: RunQuery, experimentKeys: [Int64], _ builder: inout SQLBuilder) -> String {
        var condition = "r.experiment_id IN (\(builder.bindList(experimentKeys.map(SQLParameter.integer))))"
            + " AND r.lifecycle_stage IN (\(builder.bindList(query.viewType.stages.map { .text($0.rawValue) })))"
        if let filter = query.filter {
            condition += " AND " + Self.condition(filter, &builder)
        }
        return condition
    }

    private static func table(for kind: SearchKey.Kind) -> String? {
        switch kind {
        case .metric: "latest_metrics"
        case .param: "params"
        case .tag: "tags"
        case .attribute: nil
        }
    }

    private static func column(for attribute: String) -> String {
        switch attribute {
        case "run_id": "r.run_uuid"
        case "run_name": "r.name"
        case "experiment_id": "r.experiment_id"
        case "status", "user_id", "artifact_uri", "start_time", "end_time": "r.\(attribute)"
        // NULL while the run has no end time; in floating point, as `RunInfo.duration`.
        case "duration": durationExpression
        default: "NULL"
        }
    }

    /// Whether a key's SQL value can be NULL: a missing metric, param or tag, a NaN metric, an
    /// unfinished run's end time or duration.
    private static func isNullable(_ key: SearchKey) -> Bool {
        guard key.kind == .attribute else { return true }
        return !["run_id", "run_name", "experiment_id", "status", "user_id", "artifact_uri", "start_time"].contains(key.name)
    }

    /// `attributes.duration` in SQL. Both databases read `DOUBLE PRECISION` as a floating-point type.
    private static let durationExpression =
        "(CAST(r.end_time AS DOUBLE PRECISION) - CAST(r.start_time AS DOUBLE PRECISION))"

    private static func condition(_ expression: FilterExpression, _ builder: inout SQLBuilder) -> String {
        switch expression {
        case .and(let items): "(" + items.map { condition($0, &builder) }.joined(separator: " AND ") + ")"
        case .or(let items): "(" + items.map { condition($0, &builder) }.joined(separator: " OR ") + ")"
        case .comparison(let c): comparison(c, &builder)
        }
    }

    private static func comparison(_ c: Comparison, _ builder: inout SQLBuilder) -> String {
        guard let table = table(for: c.key.kind) else {
            return predicate(column(for: c.key.name), c, &builder)
        }
        let key = builder.bind(.text(c.key.name))
        switch c.op {
        case .isNull: return "NOT EXISTS (SELECT 1 FROM \(table) k WHERE k.run_uuid = r.run_uuid AND k.key = \(key))"
        // Uncorrelated: the matching runs are read once from the table's (key, value) index,
        // not looked up run by run — a count reads every run of the experiment.
        case .isNotNull: return "r.run_uuid IN (SELECT k.run_uuid FROM \(table) k WHERE k.key = \(key))"
        default:
            return "r.run_uuid IN (SELECT k.run_uuid FROM \(table) k WHERE k.key = \(key) AND \(predicate("k.value", c, &builder)))"
        }
    }

    private static func predicate(_ column: String, _ c: Comparison, _ builder: inout SQLBuilder) -> String {
        switch (c.op, c.value) {
        case (.isNull, _): return "\(column) IS NULL"
        case (.isNotNull, _): return "\(column) IS NOT NULL"
        case (.like, .string(let s)), (.ilike, .string(let s)):
            return builder.dialect.like(column, pattern: builder.bind(.text(s)), caseInsensitive: c.op == .ilike)
        case (.in, .list(let items)), (.notIn, .list(let items)):
            // `IN ()` is an error in PostgreSQL: an empty list matches nothing, excludes nothing.
            guard !items.isEmpty else { return c.op == .in ? "FALSE" : "\(column) IS NOT NULL" }
            let marks = builder.bindList(items.map(SQLParameter.text))
            return "(\(column) IS NOT NULL AND \(column) \(c.op == .in ? "IN" : "NOT IN") (\(marks)))"
        case (_, .number(let n)): return "\(column) \(c.op.rawValue) \(builder.bind(.real(n)))"
        case (_, .string(let s)): return "\(column) \(c.op.rawValue) \(builder.bind(.text(s)))"
        default: return "FALSE"
        }
    }
}
