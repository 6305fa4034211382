import Tracking

/// Translates a ``RunQuery`` into one SQL query returning the run ids of a page, in order.
///
/// Values are always bound parameters. The semantics match `FilterExpression.matches` and
/// `SearchOrdering`: a missing key or NaN metric (NULL in SQL) fails every comparison and
/// sorts last; LIKE/ILIKE go through `quire_like`, the evaluator's own matcher; strings
/// compare by bytes (BINARY collation).
struct RunSearchSQL {
    private(set) var sql = ""
    private(set) var values: [SQLValue] = []

    init(_ query: RunQuery, experimentKeys: [Int64], offset: Int) {
        var joins = "", joinValues: [SQLValue] = []
        var orderClauses: [String] = []
        for (index, term) in query.ordering.terms.enumerated() {
            let expression: String
            if let table = Self.table(for: term.key.kind) {
                let alias = "o\(index)"
                joins += " LEFT JOIN \(table) \(alias) ON \(alias).run_uuid = r.run_uuid AND \(alias).key = ?"
                joinValues.append(.text(term.key.name))
                expression = "\(alias).value"
            } else {
                expression = Self.column(for: term.key.name)
            }
            orderClauses.append("(\(expression) IS NULL), \(expression) \(term.ascending ? "ASC" : "DESC")")
        }
        let experimentMarks = Array(repeating: "?", count: experimentKeys.count).joined(separator: ",")
        let stageMarks = Array(repeating: "?", count: query.viewType.stages.count).joined(separator: ",")
        var condition = "r.experiment_id IN (\(experimentMarks)) AND r.lifecycle_stage IN (\(stageMarks))"
        var whereValues = experimentKeys.map(SQLValue.integer) + query.viewType.stages.map { .text($0.rawValue) }
        if let filter = query.filter {
            condition += " AND " + Self.condition(filter, into: &whereValues)
        }
        sql = "SELECT r.run_uuid FROM runs r\(joins) WHERE \(condition) ORDER BY \(orderClauses.joined(separator: ", ")) "
            + "LIMIT ? OFFSET ?"
        // One extra row tells whether another page follows.
        values = joinValues + whereValues + [.integer(Int64(query.maxResults) + 1), .integer(Int64(offset))]
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
        default: "NULL"
        }
    }

    private static func condition(_ expression: FilterExpression, into values: inout [SQLValue]) -> String {
        switch expression {
        case .and(let items): return "(" + items.map { condition($0, into: &values) }.joined(separator: " AND ") + ")"
        case .or(let items): return "(" + items.map { condition($0, into: &values) }.joined(separator: " OR ") + ")"
        case .comparison(let c): return comparison(c, into: &values)
        }
    }

    private static func comparison(_ c: Comparison, into values: inout [SQLValue]) -> String {
        guard let table = table(for: c.key.kind) else {
            return predicate(column(for: c.key.name), c, into: &values)
        }
        values.append(.text(c.key.name))
        let lookup = "SELECT 1 FROM \(table) k WHERE k.run_uuid = r.run_uuid AND k.key = ?"
        switch c.op {
        case .isNull: return "NOT EXISTS (\(lookup))"
        case .isNotNull: return "EXISTS (\(lookup))"
        default: return "EXISTS (\(lookup) AND \(predicate("k.value", c, into: &values)))"
        }
    }

    private static func predicate(_ column: String, _ c: Comparison, into values: inout [SQLValue]) -> String {
        switch c.value {
        case .number(let n): values.append(.real(n))
        case .string(let s): values.append(.text(s))
        case .list(let items): values += items.map(SQLValue.text)
        case .none: break
        }
        switch c.op {
        case .like: return "quire_like(\(column), ?, 0)"
        case .ilike: return "quire_like(\(column), ?, 1)"
        case .isNull: return "\(column) IS NULL"
        case .isNotNull: return "\(column) IS NOT NULL"
        case .in, .notIn:
            guard case .list(let items) = c.value else { return "0" }
            let marks = Array(repeating: "?", count: items.count).joined(separator: ",")
            return "(\(column) IS NOT NULL AND \(column) \(c.op == .in ? "IN" : "NOT IN") (\(marks)))"
        default: return "\(column) \(c.op.rawValue) ?"
        }
    }
}
