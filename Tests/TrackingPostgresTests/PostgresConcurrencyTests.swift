import PostgresTestSupport
import Testing
import Tracking
import TrackingPostgres

/// Several stores on one database, as several `quire serve` processes would be.
@Suite(requiresPostgres)
struct PostgresConcurrencyTests {
    /// 16 writers on two stores log to one run at once (and create experiments): nothing is lost.
    @Test func twoStoresSixteenWritersLoseNothing() async throws {
        let url = try await PostgresTestServer.shared.newDatabase()
        let first = try await PostgresRunStore(url: url, options: .testing)
        let second = try await PostgresRunStore(url: url, options: .testing)
        defer { Task { await first.shutdown(); await second.shutdown() } }
        let id = try await first.createRun(CreateRunRequest(experimentId: "0", runName: "shared")).info.runId
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                let store = writer.isMultiple(of: 2) ? first : second
                group.addTask {
                    for step in 0..<40 {
                        // Shared keys too ("all", the tag), so writers contend for the same rows.
                        try await store.logBatch(
                            runId: id,
                            metrics: [Metric(key: "w\(writer)", value: Double(step), timestamp: 1, step: Int64(step)),
                                      Metric(key: "all", value: Double(writer), timestamp: Int64(step), step: Int64(step))],
                            params: step == 0 ? [Param(key: "p\(writer)", value: "x"), Param(key: "same", value: "v")] : [],
                            tags: [RunTag(key: "last", value: "\(writer)")])
                    }
                    _ = try await store.createExperiment(name: "exp-\(writer)")
                }
            }
            try await group.waitForAll()
        }
        for store in [first, second] {
            let run = try await store.run(id: id)
            #expect(run.data.metrics.count == 17 && run.data.params.count == 17)
            #expect((0..<16).allSatisfy { run.data.metrics["w\($0)"]?.value == 39 })
            // Step 39, timestamp 39, the largest value among the writers: 15.
            #expect(run.data.metrics["all"] == Metric(key: "all", value: 15, timestamp: 39, step: 39))
            for writer in 0..<16 {
                let history = try await store.metricHistory(runId: id, key: "w\(writer)", maxResults: nil, pageToken: nil)
                #expect(history.items.map(\.step) == Array(0..<40))
            }
            #expect(try await store.metricHistory(runId: id, key: "all", maxResults: nil, pageToken: nil).items.count == 16 * 40)
        }
        let experiments = try await second.searchExperiments(ExperimentQuery()).items
        #expect(experiments.map(\.experimentId).sorted { Int($0)! < Int($1)! } == (0...16).map(String.init))
    }

    /// Stores starting at once on an empty database: the advisory lock lets one migrate, the
    /// others wait and find the schema done; the default experiment exists once.
    @Test func storesMigratingOneEmptyDatabaseAtOnce() async throws {
        let url = try await PostgresTestServer.shared.newDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresRunStore.self) { group in
            for _ in 0..<6 { group.addTask { try await PostgresRunStore(url: url, options: .testing) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        defer { Task { for store in stores { await store.shutdown() } } }
        for store in stores {
            let experiments = try await store.searchExperiments(ExperimentQuery(viewType: .all)).items
            #expect(experiments.map(\.name) == [Experiment.defaultName])
        }
        let id = try await stores[0].createExperiment(name: "after")
        #expect(try await stores[5].experiment(named: "after").experimentId == id)
    }

    /// A concurrent change of a param by another store is caught, never silently dropped.
    @Test func racingParamChangesLetExactlyOneValueWin() async throws {
        let url = try await PostgresTestServer.shared.newDatabase()
        let first = try await PostgresRunStore(url: url, options: .testing)
        let second = try await PostgresRunStore(url: url, options: .testing)
        defer { Task { await first.shutdown(); await second.shutdown() } }
        for round in 0..<20 {
            let id = try await first.createRun(CreateRunRequest(experimentId: "0", runName: "r\(round)")).info.runId
            async let a: Bool = (try? await first.logParam(runId: id, key: "lr", value: "a")) != nil
            async let b: Bool = (try? await second.logParam(runId: id, key: "lr", value: "b")) != nil
            let (okA, okB) = await (a, b)
            #expect(okA != okB, "round \(round): exactly one of the two values is accepted")
            #expect(try await first.run(id: id).data.params["lr"] == (okA ? "a" : "b"))
        }
    }
}
