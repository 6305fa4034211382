import PostgresNIO
import Tracking

extension PostgresRunStore {
    /// One transaction: params, tags and metrics are all written or none is.
    public func logBatch(runId: String, metrics: [Metric], params: [Param], tags: [RunTag]) async throws {
        let batch = try Validation.batch(metrics: metrics, params: params, tags: tags)
        let logger = logger
        try await write { db in
            _ = try await db.activeRunInfo(runId, logger: logger)
            try await db.insertParams(batch.params, runId: runId, logger: logger)
            try await db.upsertTags(batch.tags, runId: runId, logger: logger)
            try await db.insertMetrics(batch.metrics, runId: runId, logger: logger)
        }
    }

    public func deleteTag(runId: String, key: String) async throws {
        let logger = logger
        try await write { db in
            _ = try await db.activeRunInfo(runId, logger: logger)
            var deleted = false
            for try await _ in try await db.query(
                "DELETE FROM tags WHERE run_uuid = \(runId) AND key = \(key) RETURNING 1", logger: logger)
            {
                deleted = true
            }
            if !deleted { throw TrackingError(.resourceDoesNotExist, "No tag with name: \(key) in run with id \(runId)") }
        }
    }

    public func metricHistory(runId: String, key: String, maxResults: Int?, pageToken: String?) async throws -> Page<Metric> {
        let limit = try Validation.maxResults(
            maxResults ?? TrackingLimits.metricHistoryMaxResults, limit: TrackingLimits.metricHistoryMaxResults)
        let fingerprint = "history|\(runId)|\(key)"
        let offset = try PageToken.decode(pageToken, fingerprint: fingerprint)
        let points = try await history(runId: runId, key: key, limit: limit + 1, offset: offset)
        let next = points.count > limit ? PageToken.encode(offset: offset + limit, fingerprint: fingerprint) : nil
        return Page(items: Array(points.prefix(limit)), nextPageToken: next)
    }

    /// The whole history in one ordered query (the protocol's default reads it page by page).
    public func fullMetricHistory(runId: String, key: String) async throws -> [Metric] {
        try await history(runId: runId, key: key, limit: nil, offset: 0)
    }

    /// Points in the API's order; `LIMIT NULL` is no limit.
    private func history(runId: String, key: String, limit: Int?, offset: Int) async throws -> [Metric] {
        let logger = logger
        return try await read { db in
            _ = try await db.runInfo(runId, logger: logger)
            var points: [Metric] = []
            // `seq` orders points of equal step and timestamp as they arrived.
            for try await (value, timestamp, step) in try await db.query(
                """
                SELECT value, timestamp, step FROM metrics WHERE run_uuid = \(runId) AND key = \(key)
                ORDER BY step, timestamp, seq LIMIT \(limit) OFFSET \(offset)
                """, logger: logger
            ).decode((Double, Int64, Int64).self) {
                points.append(Metric(key: key, value: value, timestamp: timestamp, step: step))
            }
            return points
        }
    }
}
