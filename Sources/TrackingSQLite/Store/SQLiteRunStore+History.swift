import Tracking

extension SQLiteRunStore {
    /// The whole history from its packed blocks (``MetricBlock``), in the API's order: a chart
    /// needs neither pages nor SQLite stepping through every point.
    public func fullMetricHistory(runId: String, key: String) async throws -> [Metric] {
        try await read { db in
            _ = try db.runInfo(runId)
            guard let series = try db.existingMetricSeries(runId: runId, key: key) else { return [] }
            guard let packed = try db.packedPoints(of: series, key: key) else { return try db.rowPoints(of: series, key: key) }
            return MetricBlock.historyOrder(packed)
        }
    }
}
