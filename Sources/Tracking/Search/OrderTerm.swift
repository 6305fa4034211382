/// One `order_by` clause: `metrics.acc DESC`, `attributes.start_time`, `name ASC`.
public struct OrderTerm: Sendable, Hashable {
    public var key: SearchKey
    public var ascending: Bool

    public init(_ key: SearchKey, ascending: Bool = true) {
        self.key = key
        self.ascending = ascending
    }

    /// Parses one clause. Ascending unless it ends in `DESC` (either case).
    /// - Throws: ``TrackingError`` `INVALID_PARAMETER_VALUE` with the column, for a bad clause.
    public static func parse(_ clause: String, target: SearchTarget = .runs) throws(TrackingError) -> OrderTerm {
        var parser = FilterParser(tokens: try FilterLexer.tokens(clause), target: target, source: clause)
        let invalid = TrackingError.invalidParameter(
            "Invalid order_by clause '\(clause)'. Could not be parsed.", column: parser.current.column)
        guard parser.current.kind != .end else { throw invalid }
        let key = try parser.key(forOrdering: true)
        var ascending = true
        if parser.current.isKeyword("ASC") || parser.current.isKeyword("DESC") {
            ascending = parser.advance().isKeyword("ASC")
        }
        guard parser.current.kind == .end else {
            throw .invalidParameter(
                "Invalid order_by clause '\(clause)'. Could not be parsed.", column: parser.current.column)
        }
        return OrderTerm(key, ascending: ascending)
    }

    /// Parses every clause of an `order_by` list.
    public static func parse(_ clauses: [String], target: SearchTarget = .runs) throws(TrackingError) -> [OrderTerm] {
        var terms: [OrderTerm] = []
        for clause in clauses { terms.append(try parse(clause, target: target)) }
        return terms
    }

    /// MLflow's tie-break after the requested terms: newest first, then by id.
    public static let runTieBreak = [OrderTerm(.attribute("start_time"), ascending: false), OrderTerm(.attribute("run_id"))]
    public static let experimentTieBreak = [
        OrderTerm(.attribute("creation_time"), ascending: false), OrderTerm(.attribute("experiment_id")),
    ]
}
