import Tracking

extension SQLiteRunStore {
    public func logBatch(runId: String, metrics: [Metric], params: [Param], tags: [RunTag]) async throws {
        let batch = try Validation.batch(metrics: metrics, params: params, tags: tags)
        try await write { db in
            _ = try db.activeRunInfo(runId)
            try db.insertParams(batch.params, runId: runId)
            try db.upsertTags(batch.tags, runId: runId)
            try db.insertMetrics(batch.metrics, runId: runId)
        }
    }

    public func deleteTag(runId: String, key: String) async throws {
        try await write { db in
            _ = try db.activeRunInfo(runId)
            try db.prepare("DELETE FROM tags WHERE run_uuid = ? AND key = ?").run([.text(runId), .text(key)])
            if db.changes == 0 {
                throw TrackingError(.resourceDoesNotExist, "No tag with name: \(key) in run with id \(runId)")
            }
        }
    }

    public func metricHistory(runId: String, key: String, maxResults: Int?, pageToken: String?) async throws -> Page<Metric> {
        let limit = try Validation.maxResults(
            maxResults ?? TrackingLimits.metricHistoryMaxResults, limit: TrackingLimits.metricHistoryMaxResults)
        let fingerprint = "history|\(runId)|\(key)"
        let offset = try PageToken.decode(pageToken, fingerprint: fingerprint)
        let (points, more) = try await read { db in
            _ = try db.runInfo(runId)
            guard let series = try db.existingMetricSeries(runId: runId, key: key) else { return ([Metric](), false) }
            let points = try db.rowPoints(of: series, key: key, limit: Int64(limit) + 1, offset: Int64(offset))
            let more = points.count > limit
            return (Array(points.prefix(limit)), more)
        }
        let next = more ? PageToken.encode(offset: offset + limit, fingerprint: fingerprint) : nil
        return Page(items: points, nextPageToken: next)
    }
}

extension Database {
    /// Params are immutable: the same value again is fine, another value is an error.
    func insertParams(_ params: [Param], runId: String) throws {
        let insert = try prepare("INSERT INTO params (run_uuid, key, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        let existing = try prepare("SELECT value FROM params WHERE run_uuid = ? AND key = ?")
        for param in params {
            try insert.run([.text(runId), .text(param.key), .text(param.value)])
            insert.reset()
            if changes == 0 {
                try existing.bind([.text(runId), .text(param.key)])
                if try existing.step(), existing.text(0) != param.value {
                    throw TrackingError.paramChanged(runId: runId, key: param.key, old: existing.text(0), new: param.value)
                }
                existing.reset()
            }
        }
    }

    /// Tags overwrite; `mlflow.runName` also renames the run, as MLflow does.
    func upsertTags(_ tags: [RunTag], runId: String) throws {
        let upsert = try prepare(
            "INSERT INTO tags (run_uuid, key, value) VALUES (?, ?, ?) ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value")
        for tag in tags {
            try upsert.run([.text(runId), .text(tag.key), .text(tag.value)])
            upsert.reset()
            if tag.key == SystemTag.runName {
                try prepare("UPDATE runs SET name = ? WHERE run_uuid = ?").run([.text(tag.value), .text(runId)])
            }
        }
    }

    /// Appends points (exact duplicates are dropped by the primary key) and moves each key's
    /// latest value forward by ``Metric/isNewer(than:)``, one lookup per key in the batch.
    func insertMetrics(_ metrics: [Metric], runId: String) throws {
        guard !metrics.isEmpty else { return }
        let insert = try prepare(
            "INSERT INTO metric_points (series_id, step, timestamp, value, is_nan, seq) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")
        var series: [ExactKey: MetricSeriesSlot] = [:]
        var newest: [ExactKey: Metric] = [:]
        for metric in metrics {
            let key = ExactKey(metric.key)
            if series[key] == nil { series[key] = try metricSeries(runId: runId, key: metric.key) }
            guard let slot = series[key] else { continue }
            try insert.run([
                .integer(slot.id), .integer(metric.step), .integer(metric.timestamp),
                .real(metric.value.isNaN ? 0 : metric.value), .integer(metric.value.isNaN ? 1 : 0), .integer(slot.count),
            ])
            insert.reset()
            if changes > 0 { series[key]?.append(metric) }  // in place: the slot's points are not copied
            if let best = newest[key], !metric.isNewer(than: best) { continue }
            newest[key] = metric
        }
        for slot in series.values { try saveAppended(slot) }
        let current = try prepare("SELECT value, is_nan, timestamp, step FROM latest_metrics WHERE run_uuid = ? AND key = ?")
        let upsert = try prepare(
            "INSERT INTO latest_metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan, "
                + "timestamp = excluded.timestamp, step = excluded.step")
        for (exact, candidate) in newest {
            let key = exact.text
            try current.bind([.text(runId), .text(key)])
            if try current.step() {
                let value = current.int64(1) != 0 ? Double.nan : current.double(0)
                let latest = Metric(key: key, value: value, timestamp: current.int64(2), step: current.int64(3))
                current.reset()
                if !candidate.isNewer(than: latest) { continue }
            } else {
                current.reset()
            }
            try upsert.run([
                .text(runId), .text(key), .real(candidate.value), .integer(candidate.value.isNaN ? 1 : 0),
                .integer(candidate.timestamp), .integer(candidate.step),
            ])
            upsert.reset()
        }
    }
}

