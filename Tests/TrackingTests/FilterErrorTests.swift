import Testing
import Tracking

/// Bad filters: code 400, an MLflow-like message, and the column where the problem starts.
struct FilterErrorTests {
    static let cases: [(filter: String, column: Int, message: String)] = [
        ("metrics.acc > 0.5 AND", 22, "Invalid clause(s) in filter string"),
        ("metrics.acc 0.5", 13, "Invalid clause(s) in filter string: '0.5'"),
        ("metrics.acc > 0.5 params.a = 'x'", 19, "Invalid clause(s) in filter string: 'params.a = 'x''"),
        ("metrics.acc > 'high'", 15, "Expected numeric value type for metric. Found 'high'"),
        ("params.lr = 0.01", 13, "Expected a quoted string value for param"),
        ("params.lr > '1'", 11, "Invalid comparator '>' not one of"),
        ("metrics.acc IS NULL", 13, "Invalid comparator 'IS NULL'"),
        ("status IN ('A')", 8, "Only the 'run_id' attribute supports comparison with a list"),
        ("run_id IN ()", 12, "expected a non-empty list"),
        ("run_id IN ('a', 3)", 17, "expected string value"),
        ("foo.bar = 'x'", 1, "Invalid entity type 'foo'"),
        ("attributes.color = 'red'", 1, "Invalid attribute key 'color' specified"),
        ("colour = 'red'", 1, "Invalid attribute key 'colour' specified"),
        ("(metrics.a > 1 OR metrics.b > 2", 32, "expected ')' to close '(' at column 1"),
        ("metrics.a > 1)", 14, "Invalid clause(s) in filter string: ')'"),
        ("params.a = 'open", 12, "has no closing '"),
        ("metrics.a ! 1", 11, "Invalid clause(s)"),
        ("metrics.a > 1 OR", 17, "Invalid clause(s)"),
        ("tags.x IS NOT 'a'", 15, "Invalid clause(s) in filter string: ''a''"),
        ("metrics. > 1", 1, "Invalid clause(s)"),
        ("metrics.a > 1 # x", 15, "Invalid clause(s) in filter string: '# x'"),
        ("attributes.duration = '5'", 23, "Expected numeric value type for attribute. Found '5'"),
        ("duration LIKE '1%'", 10, "Invalid comparator 'LIKE' not one of"),
    ]

    @Test(arguments: cases)
    func reportsColumnAndMessage(_ filter: String, _ column: Int, _ message: String) {
        do {
            _ = try FilterParser.parse(filter)
            Issue.record("parsed \(filter)")
        } catch {
            #expect(error.code == .invalidParameterValue && error.code.httpStatus == 400)
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func descriptionNamesTheColumn() {
        #expect(throws: TrackingError.invalidParameter("Invalid clause(s) in filter string: '0.5'", column: 13)) {
            try FilterParser.parse("metrics.acc 0.5")
        }
        let error = TrackingError.invalidParameter("bad", column: 3)
        #expect(error.description == "INVALID_PARAMETER_VALUE: bad (column 3)")
    }
}
