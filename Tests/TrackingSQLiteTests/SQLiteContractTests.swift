import Testing
import Tracking
import TrackingContract
import TrackingSQLite

/// The RunStore contract on a temporary SQLite file.
struct SQLiteContractTests {
    @Test(arguments: RunStoreContract.cases)
    func contract(_ check: ContractCase) async throws {
        let database = TemporaryDatabase()
        try await check.body(try database.store())
    }

    /// Two stores on one file (as two `quire serve` processes would be) run the contract's
    /// concurrency check each way round, both writing at once.
    @Test func twoStoresOnOneFileWriteConcurrently() async throws {
        let database = TemporaryDatabase()
        let first = try database.store(), second = try database.store()
        let id = try await first.createRun(CreateRunRequest(experimentId: "0", runName: "shared")).info.runId
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                let store: any RunStore = writer.isMultiple(of: 2) ? first : second
                group.addTask {
                    for step in 0..<40 {
                        try await store.logBatch(
                            runId: id, metrics: [Metric(key: "w\(writer)", value: Double(step), timestamp: 1, step: Int64(step))],
                            params: step == 0 ? [Param(key: "p\(writer)", value: "x")] : [], tags: [])
                    }
                    _ = try await store.createExperiment(name: "exp-\(writer)")
                }
            }
            try await group.waitForAll()
        }
        for store in [first, second] as [any RunStore] {
            let run = try await store.run(id: id)
            #expect(run.data.metrics.count == 16 && run.data.params.count == 16)
            #expect(run.data.metrics.values.allSatisfy { $0.value == 39 })
            for writer in 0..<16 {
                let history = try await store.metricHistory(runId: id, key: "w\(writer)", maxResults: nil, pageToken: nil)
                #expect(history.items.count == 40)
            }
        }
        let experiments = try await second.searchExperiments(ExperimentQuery()).items
        #expect(Set(experiments.map(\.experimentId)).count == 17)
    }

    @Test func reopeningKeepsDataAndDoesNotRemigrate() async throws {
        let database = TemporaryDatabase()
        let id = try await database.store().createExperiment(name: "kept")
        let reopened = try database.store()
        #expect(try await reopened.experiment(named: "kept").experimentId == id)
        #expect(try await reopened.searchExperiments(ExperimentQuery()).items.count == 2)
    }
}
