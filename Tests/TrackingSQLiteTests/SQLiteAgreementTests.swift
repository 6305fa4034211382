import QuireTestSupport
import Testing
import Tracking
import TrackingSQLite

/// Random runs, random filters and orderings: SQLite's pushed-down search must return exactly
/// what the reference evaluator and ordering return, page by page.
struct SQLiteAgreementTests {
    @Test func randomFiltersAndOrderingsMatchTheEvaluator() async throws {
        var rng = SeededGenerator(seed: 20_261_127)
        let database = TemporaryDatabase()
        let store = try database.store()
        let exp = try await store.createExperiment(name: "random")
        let values: [Double?] = [nil, 0, 0.5, 1, -1, .nan, .infinity, 0.25]
        let strings: [String?] = [nil, "a", "ab", "B", "abc", "a_c", "é", ""]
        for i in 0..<60 {
            let id = try await store.createRun(CreateRunRequest(
                experimentId: exp, runName: strings[Int.random(in: 1..<8, using: &rng)]! + "\(i)",
                startTime: Int64.random(in: 0..<10, using: &rng))).info.runId
            var metrics: [Metric] = [], params: [Param] = [], tags: [RunTag] = []
            for k in 0..<3 {
                if let v = values.randomElement(using: &rng)! { metrics.append(Metric(key: "m\(k)", value: v, timestamp: 1)) }
                if let s = strings.randomElement(using: &rng)! { params.append(Param(key: "p\(k)", value: s)) }
                if let s = strings.randomElement(using: &rng)! { tags.append(RunTag(key: "t\(k)", value: s)) }
            }
            try await store.logBatch(runId: id, metrics: metrics, params: params, tags: tags)
            if Bool.random(using: &rng) {
                _ = try await store.updateRun(id: id, status: .finished, endTime: Int64.random(in: 0..<5, using: &rng), runName: nil)
            }
            if Int.random(in: 0..<6, using: &rng) == 0 { try await store.deleteRun(id: id) }
        }
        let all = try await store.searchRuns(RunQuery(experimentIds: [exp], viewType: .all, maxResults: 50000)).items
        #expect(all.count == 60)
        for round in 0..<250 {
            let filter = Self.randomFilter(depth: 0, &rng)
            let order = (0..<Int.random(in: 0...2, using: &rng)).map { _ in Self.randomOrder(&rng) }
            let view = ViewType.allCases.randomElement(using: &rng)!
            var query = RunQuery(experimentIds: [exp], filter: filter, viewType: view, maxResults: Int.random(in: 1...70, using: &rng), orderBy: order)
            let expected = all.filter { view.includes($0.info.lifecycleStage) && filter.matches($0) }
                .sorted(by: query.ordering.areInIncreasingOrder).map(\.info.runId)
            var found: [String] = []
            repeat {
                let page = try await store.searchRuns(query)
                found += page.items.map(\.info.runId)
                query.pageToken = page.nextPageToken
            } while query.pageToken != nil
            #expect(found == expected, "round \(round): \(filter) order \(order)")
        }
    }

    static func randomFilter(depth: Int, _ rng: inout SeededGenerator) -> FilterExpression {
        if depth < 2, Int.random(in: 0..<3, using: &rng) == 0 {
            let items = (0..<Int.random(in: 2...3, using: &rng)).map { _ in randomFilter(depth: depth + 1, &rng) }
            return Bool.random(using: &rng) ? .and(items) : .or(items)
        }
        let k = Int.random(in: 0..<3, using: &rng)
        let numbers: [Double] = [0, 0.5, 1, -1, 0.25, 3]
        let patterns = ["a%", "%b%", "_", "A%", "a_c", "%", "é", "a", ""]
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            let op: [ComparisonOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
            return .comparison(Comparison(.metric("m\(k)"), op.randomElement(using: &rng)!, .number(numbers.randomElement(using: &rng)!)))
        case 1, 2:
            let key: SearchKey = Bool.random(using: &rng) ? .param("p\(k)") : .tag("t\(k)")
            let op: [ComparisonOperator] = [.equal, .notEqual, .like, .ilike, .isNull, .isNotNull]
            let chosen = op.randomElement(using: &rng)!
            let value: FilterValue = chosen == .isNull || chosen == .isNotNull ? .none : .string(patterns.randomElement(using: &rng)!)
            return .comparison(Comparison(key, chosen, value))
        case 3:
            let op: [ComparisonOperator] = [.less, .greaterOrEqual, .equal, .notEqual]
            let name = Bool.random(using: &rng) ? "start_time" : "end_time"
            return .comparison(Comparison(.attribute(name), op.randomElement(using: &rng)!, .number(Double(Int.random(in: 0..<10, using: &rng)))))
        case 4:
            return .comparison(Comparison(.attribute("run_name"), [.like, .ilike, .equal].randomElement(using: &rng)!,
                                          .string(patterns.randomElement(using: &rng)! + "%")))
        default:
            return .comparison(Comparison(.attribute("status"), .equal, .string(Bool.random(using: &rng) ? "FINISHED" : "RUNNING")))
        }
    }

    static func randomOrder(_ rng: inout SeededGenerator) -> OrderTerm {
        let keys: [SearchKey] = [.metric("m0"), .metric("m1"), .param("p0"), .tag("t1"), .attribute("end_time"), .attribute("run_name"), .attribute("status")]
        return OrderTerm(keys.randomElement(using: &rng)!, ascending: Bool.random(using: &rng))
    }
}
