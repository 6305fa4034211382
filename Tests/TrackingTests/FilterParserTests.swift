import Testing
import Tracking

private func cmp(_ key: SearchKey, _ op: ComparisonOperator, _ value: FilterValue) -> FilterExpression {
    .comparison(Comparison(key, op, value))
}

struct FilterParserTests {
    static let cases: [(String, FilterExpression)] = [
        ("metrics.acc > 0.5", cmp(.metric("acc"), .greater, .number(0.5))),
        ("metric.acc>=1e-3", cmp(.metric("acc"), .greaterOrEqual, .number(0.001))),
        ("metrics.loss < -2", cmp(.metric("loss"), .less, .number(-2))),
        ("metrics.`f1 score` <= .5", cmp(.metric("f1 score"), .lessOrEqual, .number(0.5))),
        ("metrics.\"f1 score\" != 1", cmp(.metric("f1 score"), .notEqual, .number(1))),
        ("metrics.a <> 1", cmp(.metric("a"), .notEqual, .number(1))),
        ("params.lr = '0.01'", cmp(.param("lr"), .equal, .string("0.01"))),
        ("parameter.lr = \"0.01\"", cmp(.param("lr"), .equal, .string("0.01"))),
        ("param.model LIKE 'cnn%'", cmp(.param("model"), .like, .string("cnn%"))),
        ("params.model ilike '%NN'", cmp(.param("model"), .ilike, .string("%NN"))),
        ("tags.team IS NULL", cmp(.tag("team"), .isNull, .none)),
        ("tag.team is not null", cmp(.tag("team"), .isNotNull, .none)),
        ("tags.`mlflow.parentRunId` = 'abc'", cmp(.tag("mlflow.parentRunId"), .equal, .string("abc"))),
        ("tags.mlflow.runName = 'x'", cmp(.tag("mlflow.runName"), .equal, .string("x"))),
        ("tags.note = 'it''s'", cmp(.tag("note"), .equal, .string("it's"))),
        ("attributes.status = 'FINISHED'", cmp(.attribute("status"), .equal, .string("FINISHED"))),
        ("attr.user_id != 'bob'", cmp(.attribute("user_id"), .notEqual, .string("bob"))),
        ("run.run_name = 'a'", cmp(.attribute("run_name"), .equal, .string("a"))),
        ("run_name LIKE 'child%'", cmp(.attribute("run_name"), .like, .string("child%"))),
        ("`run name` = 'x'", cmp(.attribute("run_name"), .equal, .string("x"))),
        ("\"Run Name\" = 'x'", cmp(.attribute("run_name"), .equal, .string("x"))),
        ("created > 100", cmp(.attribute("start_time"), .greater, .number(100))),
        ("attributes.end_time <= 5", cmp(.attribute("end_time"), .lessOrEqual, .number(5))),
        ("attributes.duration > 60000", cmp(.attribute("duration"), .greater, .number(60000))),
        ("duration != 0", cmp(.attribute("duration"), .notEqual, .number(0))),
        ("artifact_uri LIKE 's3://%'", cmp(.attribute("artifact_uri"), .like, .string("s3://%"))),
        ("run_id IN ('a', \"b\")", cmp(.attribute("run_id"), .in, .list(["a", "b"]))),
        ("attributes.run_id not in ('a')", cmp(.attribute("run_id"), .notIn, .list(["a"]))),
        ("metrics.a > 1 and params.b = 'x'",
         .and([cmp(.metric("a"), .greater, .number(1)), cmp(.param("b"), .equal, .string("x"))])),
        ("metrics.a > 1 AND params.b = 'x' AND tags.c = 'y'",
         .and([cmp(.metric("a"), .greater, .number(1)), cmp(.param("b"), .equal, .string("x")), cmp(.tag("c"), .equal, .string("y"))])),
        ("metrics.a > 1 OR metrics.b > 2 or metrics.c > 3",
         .or([cmp(.metric("a"), .greater, .number(1)), cmp(.metric("b"), .greater, .number(2)), cmp(.metric("c"), .greater, .number(3))])),
        // AND binds tighter than OR.
        ("metrics.a > 1 OR metrics.b > 2 AND metrics.c > 3",
         .or([cmp(.metric("a"), .greater, .number(1)),
              .and([cmp(.metric("b"), .greater, .number(2)), cmp(.metric("c"), .greater, .number(3))])])),
        ("metrics.a > 1 AND metrics.b > 2 OR metrics.c > 3",
         .or([.and([cmp(.metric("a"), .greater, .number(1)), cmp(.metric("b"), .greater, .number(2))]),
              cmp(.metric("c"), .greater, .number(3))])),
        ("(metrics.a > 1 OR metrics.b > 2) AND metrics.c > 3",
         .and([.or([cmp(.metric("a"), .greater, .number(1)), cmp(.metric("b"), .greater, .number(2))]),
               cmp(.metric("c"), .greater, .number(3))])),
        // Redundant parentheses vanish and nested junctions of one kind flatten.
        ("((metrics.a > 1))", cmp(.metric("a"), .greater, .number(1))),
        ("metrics.a > 1 AND (metrics.b > 2 AND metrics.c > 3)",
         .and([cmp(.metric("a"), .greater, .number(1)), cmp(.metric("b"), .greater, .number(2)), cmp(.metric("c"), .greater, .number(3))])),
    ]

    @Test(arguments: cases)
    func parsesToTheExpectedTree(_ text: String, _ expected: FilterExpression) throws {
        #expect(try FilterParser.parse(text) == expected)
    }

    @Test func emptyFilterIsNoFilter() throws {
        #expect(try FilterParser.parse("") == nil)
        #expect(try FilterParser.parse("   ") == nil)
    }

    @Test func experimentFilters() throws {
        #expect(try FilterParser.parse("name LIKE 'exp%'", target: .experiments) == cmp(.attribute("name"), .like, .string("exp%")))
        #expect(try FilterParser.parse("tags.k = 'v' OR creation_time > 5", target: .experiments)
                == .or([cmp(.tag("k"), .equal, .string("v")), cmp(.attribute("creation_time"), .greater, .number(5))]))
        #expect(throws: TrackingError.self) { try FilterParser.parse("metrics.a > 1", target: .experiments) }
    }
}
