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


@Suite struct SQLiteSchemaVersionTests {
    /// A file from a newer quire is refused with a message that says so, not misread.
    @Test func aStoreFromANewerQuireIsRefused() throws {
        let database = TemporaryDatabase()
        _ = try database.store()
        try Database(path: database.path).execute("INSERT INTO schema_migrations (version, applied_time) VALUES (99, 1)")
        #expect {
            _ = try database.store()
        } throws: { error in
            let error = error as? TrackingError
            return error?.code == .internalError && error?.message.contains("newer quire (schema version 99") == true
        }
    }
}

@Suite struct SQLiteOpeningTests {
    /// An up-to-date store opens and reads while another connection holds the write lock (a
    /// long batch, a migration elsewhere): opening only reads the recorded schema versions.
    @Test func anUpToDateStoreOpensWhileAnotherConnectionWrites() async throws {
        let database = TemporaryDatabase()
        let id = try await database.store().createExperiment(name: "kept")
        let writer = try Database(path: database.path)
        try writer.execute("BEGIN IMMEDIATE")
        defer { try? writer.execute("ROLLBACK") }
        let clock = ContinuousClock()
        let start = clock.now
        let store = try database.store()
        #expect(try await store.experiment(named: "kept").experimentId == id)
        #expect(clock.now - start < .seconds(5))  // the busy timeout is 10 s
    }
}
