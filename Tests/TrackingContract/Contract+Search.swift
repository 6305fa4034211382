import Testing
import Tracking

/// Five runs with known values (see `makeSearchFixture`), for hand-written expectations.
struct SearchFixture {
    let experimentId: String
    let ids: [String: String]
}

extension RunStore {
    /// a..e, started at 1000...5000:
    ///
    ///     run  acc   loss  lr      model        team     status    end
    ///     a    0.9   0.1   "0.1"   "cnn"        vision   FINISHED  1500
    ///     b    0.5   0.3   "0.01"  "rnn"        nlp      FINISHED  2500
    ///     c    NaN   -     "0.1"   "CNN-large"  -        FAILED    -
    ///     d    -     0.7   "0.001" -            vision   RUNNING   -
    ///     e    +inf  -inf  -       "mlp"        Vision   KILLED    -
    func makeSearchFixture() async throws -> SearchFixture {
        let exp = try await createExperiment(name: "search-fixture")
        typealias Row = (String, Double?, Double?, String?, String?, String?, RunStatus, Int64?)
        let rows: [Row] = [
            ("a", 0.9, 0.1, "0.1", "cnn", "vision", .finished, 1500),
            ("b", 0.5, 0.3, "0.01", "rnn", "nlp", .finished, 2500),
            ("c", .nan, nil, "0.1", "CNN-large", nil, .failed, nil),
            ("d", nil, 0.7, "0.001", nil, "vision", .running, nil),
            ("e", .infinity, -.infinity, nil, "mlp", "Vision", .killed, nil),
        ]
        var ids: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            let id = try await makeRun(exp, row.0, start: Int64(index + 1) * 1000)
            ids[row.0] = id
            var metrics: [Metric] = []
            if let acc = row.1 { metrics.append(Metric(key: "acc", value: acc, timestamp: 1, step: 1)) }
            if let loss = row.2 { metrics.append(Metric(key: "loss", value: loss, timestamp: 1, step: 1)) }
            var params: [Param] = []
            if let lr = row.3 { params.append(Param(key: "lr", value: lr)) }
            if let model = row.4 { params.append(Param(key: "model", value: model)) }
            let tags = row.5.map { [RunTag(key: "team", value: $0)] } ?? []
            try await logBatch(runId: id, metrics: metrics, params: params, tags: tags)
            if row.6 != .running { _ = try await updateRun(id: id, status: row.6, endTime: row.7, runName: nil) }
        }
        return SearchFixture(experimentId: exp, ids: ids)
    }
}

extension RunStoreContract {
    /// Filter → the runs it finds, as a set of names.
    static let filterExpectations: [(String, Set<String>)] = [
        ("metrics.acc > 0.5", ["a", "e"]),
        ("metrics.acc >= 0.5", ["a", "b", "e"]),
        ("metrics.acc = 0.5", ["b"]),
        ("metrics.acc != 0.5", ["a", "e"]),
        ("metrics.loss < 0", ["e"]),
        ("metrics.loss <= 0.3", ["a", "b", "e"]),
        ("metrics.\"acc\" > 1e300", ["e"]),
        ("params.lr = '0.1'", ["a", "c"]),
        ("params.lr != \"0.1\"", ["b", "d"]),
        ("params.model LIKE 'cnn%'", ["a"]),
        ("params.model ILIKE 'cnn%'", ["a", "c"]),
        ("params.model LIKE '_nn'", ["a", "b"]),
        ("params.model IS NULL", ["d"]),
        ("tags.team IS NULL", ["c"]),
        ("tags.team IS NOT NULL", ["a", "b", "d", "e"]),
        ("tags.team = 'vision'", ["a", "d"]),
        ("tags.team ILIKE 'VISION'", ["a", "d", "e"]),
        ("attributes.status = 'FINISHED'", ["a", "b"]),
        ("status != 'FINISHED'", ["c", "d", "e"]),
        ("attributes.start_time >= 3000", ["c", "d", "e"]),
        ("created < 2500", ["a", "b"]),
        ("attributes.end_time > 0", ["a", "b"]),
        ("run_name = 'c'", ["c"]),
        ("run_name LIKE 'A%'", []),
        ("`run name` ILIKE 'A%'", ["a"]),
        ("tags.`mlflow.runName` = 'd'", ["d"]),
        ("tags.mlflow.runName LIKE '%'", ["a", "b", "c", "d", "e"]),
        ("tags.team = 'vision' OR metrics.loss > 0.5", ["a", "d"]),
        ("params.lr = '0.1' AND (tags.team = 'nlp' OR metrics.acc > 0.8)", ["a"]),
        ("tags.team = 'nlp' OR params.lr = '0.1' AND metrics.acc > 0.8", ["a", "b"]),
        ("(tags.team = 'nlp' OR params.lr = '0.1') AND metrics.acc > 0.8", ["a"]),
        ("((status = 'KILLED')) or (metrics.acc < 0.6 and params.model = 'rnn')", ["b", "e"]),
        ("metrics.missing > 0 OR tags.missing IS NULL", ["a", "b", "c", "d", "e"]),
    ]

    /// order_by → names in order (missing and NaN last, ties by start_time DESC).
    static let orderExpectations: [([String], [String])] = [
        ([], ["e", "d", "c", "b", "a"]),
        (["metrics.acc DESC"], ["e", "a", "b", "d", "c"]),
        (["metrics.acc"], ["b", "a", "e", "d", "c"]),
        (["params.lr ASC"], ["d", "b", "c", "a", "e"]),
        (["tags.team DESC"], ["d", "a", "b", "e", "c"]),
        (["attributes.end_time ASC"], ["a", "b", "e", "d", "c"]),
        (["run_name DESC"], ["e", "d", "c", "b", "a"]),
        (["attributes.start_time"], ["a", "b", "c", "d", "e"]),
        (["tags.team", "metrics.loss DESC"], ["e", "b", "d", "a", "c"]),
    ]

    static let searchCases: [ContractCase] = [
        ContractCase(name: "search: every operator, OR and parentheses") { store in
            let fixture = try await store.makeSearchFixture()
            for (filter, expected) in filterExpectations {
                let found = Set(try await store.names(fixture.experimentId, filter: filter))
                #expect(found == expected, "\(filter)")
            }
            let (a, c) = (fixture.ids["a"] ?? "", fixture.ids["c"] ?? "")
            #expect(Set(try await store.names(fixture.experimentId, filter: "run_id IN ('\(a)', '\(c)')")) == ["a", "c"])
            #expect(Set(try await store.names(fixture.experimentId, filter: "attributes.run_id NOT IN ('\(a)')")) == ["b", "c", "d", "e"])
        },
        ContractCase(name: "search agrees with the reference evaluator") { store in
            let fixture = try await store.makeSearchFixture()
            let all = try await store.searchRuns(RunQuery(experimentIds: [fixture.experimentId])).items
            for (filter, _) in filterExpectations {
                let query = try RunQuery(experimentIds: [fixture.experimentId], parsing: filter)
                let expected = all.filter { query.filter?.matches($0) ?? true }.sorted(by: query.ordering.areInIncreasingOrder)
                // Ids, not whole runs: a NaN metric makes `Run ==` false even for the same run.
                #expect(try await store.searchRuns(query).items.map(\.info.runId) == expected.map(\.info.runId), "\(filter)")
            }
        },
        ContractCase(name: "order_by with nulls last") { store in
            let fixture = try await store.makeSearchFixture()
            for (order, expected) in orderExpectations {
                #expect(try await store.names(fixture.experimentId, orderBy: order) == expected, "\(order)")
            }
        },
        ContractCase(name: "search across experiments and unknown experiments") { store in
            let fixture = try await store.makeSearchFixture()
            _ = try await store.makeRun("0", "in-default", start: 9000)
            let query = try RunQuery(experimentIds: [fixture.experimentId, "0", "12345"], parsing: nil)
            #expect(try await store.searchRuns(query).items.map(\.info.runName) == ["in-default", "e", "d", "c", "b", "a"])
            #expect(try await store.searchRuns(RunQuery(experimentIds: ["12345"])).items.isEmpty)
        },
    ]
}
