import Testing
import Tracking
@testable import TrackingSQLite

/// `Database.runs`, which every search and `runs/get` loads its page through.
@Suite struct SQLiteRunLoadingTests {
    @Test func runsComeBackInTheAskedOrderWithTheirData() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let first = try await store.createRun(CreateRunRequest(experimentId: "0", runName: "first")).info.runId
        let second = try await store.createRun(CreateRunRequest(experimentId: "0", runName: "second")).info.runId
        try await store.logBatch(
            runId: second, metrics: [Metric(key: "acc", value: 0.5, timestamp: 1)], params: [Param(key: "lr", value: "0.1")],
            tags: [RunTag(key: "team", value: "vision")])
        let db = try Database(path: database.path)
        // Unknown ids (one with JSON's special characters) are skipped; a repeated id repeats.
        let loaded = try db.runs([second, "no\"such\\run\u{01}", first, second])
        #expect(loaded.map(\.info.runName) == ["second", "first", "second"])
        #expect(loaded[0].data.params == ["lr": "0.1"] && loaded[0].data.metrics["acc"]?.value == 0.5)
        #expect(loaded[0].data.tags["team"] == "vision" && loaded[1].data.params.isEmpty)
        #expect(try db.runs([]).isEmpty)
    }
}
