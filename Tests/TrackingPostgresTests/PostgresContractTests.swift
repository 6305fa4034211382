import QuireTestSupport
import Testing
import Tracking
import TrackingContract
import TrackingPostgres

/// The RunStore contract on a real PostgreSQL server, each case on a database of its own.
@Suite(requiresPostgres)
struct PostgresContractTests {
    @Test(arguments: RunStoreContract.cases)
    func contract(_ check: ContractCase) async throws {
        try await withPostgresStore { store in try await check.body(store) }
    }

    @Test func randomFiltersAndOrderingsMatchTheEvaluator() async throws {
        var rng = SeededGenerator(seed: 20_261_127)
        try await withPostgresStore { store in
            let exp = try await store.createExperiment(name: "random")
            try await RandomSearch.checkAgreement(store, experiment: exp, using: &rng)
        }
    }

    /// PostgreSQL's NaN equals itself and sorts above every number; MLflow's evaluator makes
    /// every comparison with NaN false and sorts it last. The store must say what the evaluator says.
    @Test func nanAndInfinityCompareAsTheEvaluatorSays() async throws {
        try await withPostgresStore { store in
            let exp = try await store.createExperiment(name: "nan")
            // Infinities are stored clamped to the largest finite doubles, as MLflow's SQL store does.
            let logged: [(String, Double, Double)] = [
                ("nan", .nan, .nan), ("inf", .infinity, 1.7976931348623157e308),
                ("ninf", -.infinity, -1.7976931348623157e308), ("one", 1, 1),
            ]
            for (name, value, stored) in logged {
                let id = try await store.makeRun(exp, name)
                try await store.logMetric(runId: id, Metric(key: "m", value: value, timestamp: 1))
                let history = try await store.metricHistory(runId: id, key: "m", maxResults: nil, pageToken: nil).items
                #expect(history.count == 1 && (history[0].value == stored || (value.isNaN && history[0].value.isNaN)))
            }
            let all = try await store.searchRuns(RunQuery(experimentIds: [exp])).items
            for filter in ["metrics.m > 0", "metrics.m < 0", "metrics.m = 1", "metrics.m != 1", "metrics.m >= -1e308",
                           "metrics.m <= 1e308", "metrics.m > 1e308", "metrics.m != 0"] {
                let query = try RunQuery(experimentIds: [exp], parsing: filter)
                let expected = all.filter { query.filter?.matches($0) ?? true }.map(\.info.runName)
                #expect(Set(try await store.names(exp, filter: filter)) == Set(expected), "\(filter)")
            }
            #expect(try await store.names(exp, orderBy: ["metrics.m DESC"]) == ["inf", "one", "ninf", "nan"])
            #expect(try await store.names(exp, orderBy: ["metrics.m ASC"]) == ["ninf", "one", "inf", "nan"])
        }
    }
}

extension RunStore {
    func makeRun(_ experimentId: String, _ name: String) async throws -> String {
        try await createRun(CreateRunRequest(experimentId: experimentId, runName: name, startTime: 1000)).info.runId
    }

    func names(_ experimentId: String, filter: String? = nil, orderBy: [String] = []) async throws -> [String] {
        let query = try RunQuery(experimentIds: [experimentId], parsing: filter, orderBy: orderBy)
        return try await searchRuns(query).items.map(\.info.runName)
    }
}
