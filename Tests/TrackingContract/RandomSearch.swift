import Testing
import Tracking

/// Random runs, random filters and orderings: a store's pushed-down search must return exactly
/// what the reference evaluator and ordering return, page by page, and count as many runs.
/// Used by each SQL store.
public enum RandomSearch {
    static let values: [Double?] = [nil, 0, 0.5, 1, -1, .nan, .infinity, -.infinity, 0.25]
    // Non-ASCII capitals and a backslash: ILIKE must fold all of Unicode, LIKE has no escape.
    static let strings: [String?] = [nil, "a", "ab", "B", "abc", "a_c", "é", "", "É", "a\\c", "ÀB"]
    static let patterns = ["a%", "%b%", "_", "A%", "a_c", "%", "é", "a", "", "É%", "a\\%", "a\\_", "%\\c", "àb"]

    /// Fills `experiment` with `count` random runs and checks `rounds` random queries against
    /// the evaluator, each read page by page.
    public static func checkAgreement(
        _ store: any RunStore, experiment exp: String, runs count: Int = 60, rounds: Int = 250,
        using rng: inout some RandomNumberGenerator
    ) async throws {
        for i in 0..<count {
            let name = (strings[Int.random(in: 1..<strings.count, using: &rng)] ?? "") + "\(i)"
            let id = try await store.createRun(CreateRunRequest(
                experimentId: exp, runName: name, startTime: Int64.random(in: 0..<10, using: &rng))).info.runId
            var metrics: [Metric] = [], params: [Param] = [], tags: [RunTag] = []
            for k in 0..<3 {
                if let v = values.randomElement(using: &rng) ?? nil { metrics.append(Metric(key: "m\(k)", value: v, timestamp: 1)) }
                if let s = strings.randomElement(using: &rng) ?? nil { params.append(Param(key: "p\(k)", value: s)) }
                if let s = strings.randomElement(using: &rng) ?? nil { tags.append(RunTag(key: "t\(k)", value: s)) }
            }
            try await store.logBatch(runId: id, metrics: metrics, params: params, tags: tags)
            if Bool.random(using: &rng) {
                _ = try await store.updateRun(id: id, status: .finished, endTime: Int64.random(in: 0..<5, using: &rng), runName: nil)
            }
            if Int.random(in: 0..<6, using: &rng) == 0 { try await store.deleteRun(id: id) }
        }
        let all = try await store.searchRuns(RunQuery(experimentIds: [exp], viewType: .all, maxResults: 50000)).items
        #expect(all.count == count)
        for round in 0..<rounds {
            let filter = randomFilter(depth: 0, &rng)
            let order = (0..<Int.random(in: 0...2, using: &rng)).map { _ in randomOrder(&rng) }
            let view = ViewType.allCases.randomElement(using: &rng) ?? .all
            var query = RunQuery(experimentIds: [exp], filter: filter, viewType: view,
                                 maxResults: Int.random(in: 1...70, using: &rng), orderBy: order)
            let expected = all.filter { view.includes($0.info.lifecycleStage) && filter.matches($0) }
                .sorted(by: query.ordering.areInIncreasingOrder).map(\.info.runId)
            var found: [String] = []
            repeat {
                let page = try await store.searchRuns(query)
                found += page.items.map(\.info.runId)
                query.pageToken = page.nextPageToken
            } while query.pageToken != nil
            #expect(found == expected, "round \(round): \(filter) order \(order)")
            #expect(try await store.countRuns(query) == expected.count, "round \(round): count of \(filter)")
        }
    }

    static func randomFilter(depth: Int, _ rng: inout some RandomNumberGenerator) -> FilterExpression {
        if depth < 2, Int.random(in: 0..<3, using: &rng) == 0 {
            let items = (0..<Int.random(in: 2...3, using: &rng)).map { _ in randomFilter(depth: depth + 1, &rng) }
            return Bool.random(using: &rng) ? .and(items) : .or(items)
        }
        let k = Int.random(in: 0..<3, using: &rng)
        let numbers: [Double] = [0, 0.5, 1, -1, 0.25, 3, 1e308]
        let pattern = patterns.randomElement(using: &rng) ?? "%"
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            let op = [ComparisonOperator.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
                .randomElement(using: &rng) ?? .equal
            return .comparison(Comparison(.metric("m\(k)"), op, .number(numbers.randomElement(using: &rng) ?? 0)))
        case 1, 2:
            let key: SearchKey = Bool.random(using: &rng) ? .param("p\(k)") : .tag("t\(k)")
            let op = [ComparisonOperator.equal, .notEqual, .like, .ilike, .isNull, .isNotNull].randomElement(using: &rng) ?? .like
            return .comparison(Comparison(key, op, op == .isNull || op == .isNotNull ? .none : .string(pattern)))
        case 3:
            let op = [ComparisonOperator.less, .greaterOrEqual, .equal, .notEqual].randomElement(using: &rng) ?? .less
            let name = ["start_time", "end_time", "duration"].randomElement(using: &rng) ?? "duration"
            let bound = name == "duration" ? Int.random(in: -10..<10, using: &rng) : Int.random(in: 0..<10, using: &rng)
            return .comparison(Comparison(.attribute(name), op, .number(Double(bound))))
        case 4:
            let op = [ComparisonOperator.like, .ilike, .equal].randomElement(using: &rng) ?? .like
            return .comparison(Comparison(.attribute("run_name"), op, .string(pattern + "%")))
        default:
            let status = Bool.random(using: &rng) ? "FINISHED" : "RUNNING"
            return .comparison(Comparison(.attribute("status"), .equal, .string(status)))
        }
    }

    static func randomOrder(_ rng: inout some RandomNumberGenerator) -> OrderTerm {
        let keys: [SearchKey] = [.metric("m0"), .metric("m1"), .param("p0"), .tag("t1"), .attribute("end_time"),
                                 .attribute("run_name"), .attribute("status"), .attribute("duration"),
                                 .attribute("start_time")]
        return OrderTerm(keys.randomElement(using: &rng) ?? .metric("m0"), ascending: Bool.random(using: &rng))
    }
}
