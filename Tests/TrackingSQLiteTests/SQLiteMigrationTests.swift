import Testing
import Tracking
@testable import TrackingSQLite

/// Files written by an older quire open in a newer one with their data intact.
@Suite struct SQLiteMigrationTests {
    /// Version 3 moves history from `metrics` into `metric_series` + `metric_points`.
    @Test func historyMovesToCompactRowsKeepingLoggingOrder() async throws {
        let database = TemporaryDatabase()
        let runId = "0123456789abcdef0123456789abcdef"
        do {
            let db = try Database(path: database.path)
            try Migrations.migrate(db, artifactRoot: "/tmp/art", now: 1, through: 2)
            try db.execute("""
                INSERT INTO runs (run_uuid, experiment_id, name, user_id, status, start_time, artifact_uri)
                    VALUES ('\(runId)', 0, 'old', 'u', 'RUNNING', 1, '/tmp/art/0/\(runId)');
                INSERT INTO metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES
                    ('\(runId)', 'loss', 0.9, 0, 10, 2), ('\(runId)', 'loss', 0.1, 0, 10, 2),
                    ('\(runId)', 'loss', 0.5, 0, 5, 0), ('\(runId)', 'loss', 0, 1, 20, 3),
                    ('\(runId)', 'acc', 0.7, 0, 1, 0);
                INSERT INTO latest_metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES
                    ('\(runId)', 'loss', NULL, 1, 20, 3), ('\(runId)', 'acc', 0.7, 0, 1, 0);
                """)
        }
        let store = try database.store()
        let loss = try await store.metricHistory(runId: runId, key: "loss", maxResults: nil, pageToken: nil).items
        // Step, timestamp, then the order the points were logged in (0.9 before 0.1); NaN kept.
        #expect(loss.map(\.step) == [0, 2, 2, 3])
        #expect(Array(loss.map(\.value).prefix(3)) == [0.5, 0.9, 0.1])
        #expect(loss.last?.value.isNaN == true)
        #expect(try await store.metricHistory(runId: runId, key: "acc", maxResults: nil, pageToken: nil).items.map(\.value) == [0.7])

        // New points continue the logging order after the migrated ones, in one batch or alone.
        try await store.logBatch(runId: runId, metrics: [
            Metric(key: "loss", value: 0.05, timestamp: 10, step: 2), Metric(key: "loss", value: 0.9, timestamp: 10, step: 2),
            Metric(key: "loss", value: 0.01, timestamp: 10, step: 2),
        ], params: [], tags: [])
        try await store.logMetric(runId: runId, Metric(key: "loss", value: 0.02, timestamp: 10, step: 2))
        let ties = try await store.metricHistory(runId: runId, key: "loss", maxResults: nil, pageToken: nil).items
            .filter { $0.step == 2 }.map(\.value)
        #expect(ties == [0.9, 0.1, 0.05, 0.01, 0.02])  // the repeated 0.9 is an exact duplicate: dropped
        #expect(try await store.fullMetricHistory(runId: runId, key: "loss").count == 7)
    }
}

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
