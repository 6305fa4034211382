import Testing
import Tracking
@testable import TrackingSQLite

/// The SQLite store keeps history twice: rows (`metric_points`, the truth) and packed blocks for
/// charts (`metric_blocks`). These check the blocks against the rows where they could part.
@Suite struct SQLiteHistoryTests {
    func makeRun(_ store: SQLiteRunStore) async throws -> String {
        try await store.createRun(CreateRunRequest(experimentId: "0")).info.runId
    }

    func apiHistory(_ store: SQLiteRunStore, _ runId: String, _ key: String) async throws -> [Metric] {
        try await store.metricHistory(runId: runId, key: key, maxResults: nil, pageToken: nil).items
    }

    @Test func blocksGrownByLaterBatchesStayBlobs() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let id = try await makeRun(store)
        for start in stride(from: 0, to: 150, by: 50) {
            let batch = (start..<start + 50).map { Metric(key: "loss", value: 1 / Double($0 + 1), timestamp: 1, step: Int64($0)) }
            try await store.logBatch(runId: id, metrics: batch, params: [], tags: [])
        }
        let select = try Database(path: database.path).prepare("SELECT typeof(points), length(points) FROM metric_blocks ORDER BY first_seq")
        var blocks: [String] = []
        while try select.step() { blocks.append("\(select.text(0)) \(select.int64(1))") }
        #expect(blocks == ["blob 3072", "blob 528"])  // 128 and 22 points of 24 bytes
    }

    /// Swift's String equality would make these one key; SQLite, and the API, keep them apart.
    @Test func keysEqualOnlyUnderUnicodeEquivalenceStayApart() async throws {
        let store = try TemporaryDatabase().store()
        let id = try await makeRun(store)
        let kelvin = "temp_\u{212A}"
        let points = (0..<3).flatMap { step in
            [Metric(key: "temp_K", value: 1, timestamp: 1, step: Int64(step)), Metric(key: kelvin, value: 1, timestamp: 1, step: Int64(step))]
        }
        try await store.logBatch(runId: id, metrics: points, params: [], tags: [])
        for key in ["temp_K", kelvin] {
            #expect(try await apiHistory(store, id, key).map(\.step) == [0, 1, 2], "\(key.unicodeScalars.map(\.value))")
            #expect(try await store.fullMetricHistory(runId: id, key: key).map(\.step) == [0, 1, 2])
        }
    }

    @Test func negativeZeroReadsAsTheRowsGiveIt() async throws {
        let store = try TemporaryDatabase().store()
        let id = try await makeRun(store)
        try await store.logMetric(runId: id, Metric(key: "delta", value: -0.0, timestamp: 1, step: 0))
        #expect(try await apiHistory(store, id, "delta").map(\.value.sign) == [.plus])
        #expect(try await store.fullMetricHistory(runId: id, key: "delta").map(\.value.sign) == [.plus])
    }

    /// A block lost or cut short (a damaged or hand-edited file): charts read the rows instead of
    /// drawing with points missing, and the next append says the store is damaged.
    @Test func damagedBlocksFallBackToTheRows() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let id = try await makeRun(store)
        let batch = (0..<300).map { Metric(key: "loss", value: Double($0), timestamp: 1, step: Int64($0)) }
        try await store.logBatch(runId: id, metrics: batch, params: [], tags: [])
        let db = try Database(path: database.path)
        try db.execute("UPDATE metric_blocks SET points = substr(points, 1, 100) WHERE first_seq = 128")
        #expect(try await store.fullMetricHistory(runId: id, key: "loss").map(\.step) == (0..<300).map(Int64.init))
        try db.execute("DELETE FROM metric_blocks WHERE first_seq = 256")
        #expect(try await store.fullMetricHistory(runId: id, key: "loss") == (try await apiHistory(store, id, "loss")))
        await #expect {
            try await store.logMetric(runId: id, Metric(key: "loss", value: 1, timestamp: 1, step: 300))
        } throws: { error in
            (error as? TrackingError)?.message.contains("damaged") == true
        }
    }
}
