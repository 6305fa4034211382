import Tracking

extension Database {
    static let runColumns =
        "run_uuid, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage"

    /// The attributes of one run, or `RESOURCE_DOES_NOT_EXIST`.
    func runInfo(_ runId: String) throws -> RunInfo {
        try Validation.runId(runId)
        let select = try prepare("SELECT \(Self.runColumns) FROM runs WHERE run_uuid = ?").bind([.text(runId)])
        guard try select.step() else { throw TrackingError.runNotFound(runId) }
        return Self.runInfo(select)
    }

    /// The attributes of an active run; logging to a deleted run is `INVALID_PARAMETER_VALUE`.
    func activeRunInfo(_ runId: String) throws -> RunInfo {
        let info = try runInfo(runId)
        guard info.lifecycleStage == .active else { throw TrackingError.runNotActive(runId, stage: info.lifecycleStage) }
        return info
    }

    private static func runInfo(_ row: Statement) -> RunInfo {
        RunInfo(
            runId: row.text(0), experimentId: String(row.int64(1)), runName: row.text(2), userId: row.text(3),
            status: RunStatus(rawValue: row.text(4)) ?? .running, startTime: row.int64(5),
            endTime: row.optionalInt64(6), artifactUri: row.text(7),
            lifecycleStage: LifecycleStage(rawValue: row.text(8)) ?? .active)
    }

    /// Runs with their data, in the order of `runIds` (unknown ids are skipped). Loads in chunks
    /// of 500 ids with one query per table, not one per run.
    func runs(_ runIds: [String]) throws -> [Run] {
        var slots: [String: Int] = [:]
        slots.reserveCapacity(runIds.count)
        for (slot, id) in runIds.enumerated() where slots[id] == nil { slots[id] = slot }
        // Filled in place by slot: a dictionary of runs would copy each run on every update.
        var loaded = [Run?](repeating: nil, count: runIds.count)
        var start = 0
        while start < runIds.count {
            let chunk = Array(runIds[start..<min(start + 500, runIds.count)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let ids = chunk.map { SQLValue.text($0) }
            let infos = try prepare("SELECT \(Self.runColumns) FROM runs WHERE run_uuid IN (\(marks))").bind(ids)
            while try infos.step() {
                let info = Self.runInfo(infos)
                if let slot = slots[info.runId] { loaded[slot] = Run(info: info) }
            }
            let params = try prepare("SELECT run_uuid, key, value FROM params WHERE run_uuid IN (\(marks))").bind(ids)
            while try params.step() {
                if let slot = slots[params.text(0)] { loaded[slot]?.data.params[params.text(1)] = params.text(2) }
            }
            let tags = try prepare("SELECT run_uuid, key, value FROM tags WHERE run_uuid IN (\(marks))").bind(ids)
            while try tags.step() {
                if let slot = slots[tags.text(0)] { loaded[slot]?.data.tags[tags.text(1)] = tags.text(2) }
            }
            let metrics = try prepare(
                "SELECT run_uuid, key, value, is_nan, timestamp, step FROM latest_metrics WHERE run_uuid IN (\(marks))"
            ).bind(ids)
            while try metrics.step() {
                guard let slot = slots[metrics.text(0)] else { continue }
                let key = metrics.text(1)
                let value = metrics.int64(3) != 0 ? Double.nan : metrics.double(2)
                loaded[slot]?.data.metrics[key] = Metric(
                    key: key, value: value, timestamp: metrics.int64(4), step: metrics.int64(5))
            }
        }
        // A repeated id gets the first slot's run, as a lookup by id would.
        return runIds.compactMap { slots[$0].flatMap { loaded[$0] } }
    }
}
