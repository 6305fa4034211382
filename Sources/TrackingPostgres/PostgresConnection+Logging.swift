import Logging
import PostgresNIO
import Tracking

/// The writes of a batch, each one statement over arrays (`UNNEST`), rows sorted by key so that
/// concurrent batches lock rows in the same order (no deadlocks between them).
extension PostgresConnection {
    /// Params are immutable: the same value again is fine, another value is an error. The no-op
    /// `DO UPDATE ... WHERE` makes a conflicting row come back with its stored value, after
    /// waiting for a concurrent writer of the same key to commit — so a race cannot hide a change.
    func insertParams(_ params: [Param], runId: String, logger: Logger) async throws {
        guard !params.isEmpty else { return }
        let sorted = params.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var stored: [String: String] = [:]
        for try await (key, value) in try await query(
            """
            INSERT INTO params AS p (run_uuid, key, value)
            SELECT \(runId), * FROM UNNEST(\(sorted.map(\.key))::text[], \(sorted.map(\.value))::text[])
            ON CONFLICT (run_uuid, key) DO UPDATE SET value = p.value WHERE p.value <> excluded.value
            RETURNING key, value
            """, logger: logger
        ).decode((String, String).self) {
            stored[key] = value
        }
        for param in params {
            if let old = stored[param.key], old != param.value {
                throw TrackingError.paramChanged(runId: runId, key: param.key, old: old, new: param.value)
            }
        }
    }

    /// Tags overwrite (the last of equal keys in a batch wins); `mlflow.runName` also renames the run.
    func upsertTags(_ tags: [RunTag], runId: String, logger: Logger) async throws {
        guard !tags.isEmpty else { return }
        var latest: [String: String] = [:]
        for tag in tags { latest[tag.key] = tag.value }
        let keys = latest.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        try await query(
            """
            INSERT INTO tags (run_uuid, key, value)
            SELECT \(runId), * FROM UNNEST(\(keys)::text[], \(keys.map { latest[$0] ?? "" })::text[])
            ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value
            """, logger: logger)
        if let name = latest[SystemTag.runName] {
            try await query("UPDATE runs SET name = \(name) WHERE run_uuid = \(runId)", logger: logger)
        }
    }

    /// Appends the points (exact duplicates dropped by the primary key, NaN included since
    /// PostgreSQL's NaN equals itself) and moves each key's latest value forward in one upsert
    /// whose `WHERE` is ``Metric/isNewer(than:)``: larger step, then timestamp, then value, NaN lowest.
    func insertMetrics(_ metrics: [Metric], runId: String, logger: Logger) async throws {
        guard !metrics.isEmpty else { return }
        try await query(
            """
            INSERT INTO metrics (run_uuid, key, value, timestamp, step)
            SELECT \(runId), * FROM UNNEST(\(metrics.map(\.key))::text[], \(metrics.map(\.value))::float8[], \
            \(metrics.map(\.timestamp))::int8[], \(metrics.map(\.step))::int8[])
            ON CONFLICT DO NOTHING
            """, logger: logger)
        var newest: [String: Metric] = [:]
        for metric in metrics where newest[metric.key].map({ metric.isNewer(than: $0) }) ?? true {
            newest[metric.key] = metric
        }
        let points = newest.values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        try await query(
            """
            INSERT INTO latest_metrics AS l (run_uuid, key, value, is_nan, timestamp, step)
            SELECT \(runId), key, CASE WHEN is_nan THEN NULL ELSE value END, is_nan, timestamp, step
            FROM UNNEST(\(points.map(\.key))::text[], \(points.map(\.value))::float8[], \(points.map(\.value.isNaN))::bool[], \
            \(points.map(\.timestamp))::int8[], \(points.map(\.step))::int8[]) AS m(key, value, is_nan, timestamp, step)
            ON CONFLICT (run_uuid, key) DO UPDATE
            SET value = excluded.value, is_nan = excluded.is_nan, timestamp = excluded.timestamp, step = excluded.step
            WHERE excluded.step > l.step OR (excluded.step = l.step AND (excluded.timestamp > l.timestamp
                OR (excluded.timestamp = l.timestamp AND NOT excluded.is_nan AND (l.is_nan OR excluded.value > l.value))))
            """, logger: logger)
    }
}
