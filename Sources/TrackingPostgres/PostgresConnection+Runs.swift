import Logging
import PostgresNIO
import Tracking

extension PostgresConnection {
    typealias RunRow = (String, Int64, String, String, String, Int64, Int64?, String, String)
    static let runColumns = "run_uuid, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage"

    /// The attributes of one run, or `RESOURCE_DOES_NOT_EXIST`.
    func runInfo(_ runId: String, logger: Logger) async throws -> RunInfo {
        try Validation.runId(runId)
        let select: PostgresQuery = "SELECT \(unescaped: Self.runColumns) FROM runs WHERE run_uuid = \(runId)"
        for try await row in try await query(select, logger: logger).decode(RunRow.self) {
            return Self.runInfo(row)
        }
        throw TrackingError.runNotFound(runId)
    }

    /// The attributes of an active run; logging to a deleted run is `INVALID_PARAMETER_VALUE`.
    func activeRunInfo(_ runId: String, logger: Logger) async throws -> RunInfo {
        let info = try await runInfo(runId, logger: logger)
        guard info.lifecycleStage == .active else { throw TrackingError.runNotActive(runId, stage: info.lifecycleStage) }
        return info
    }

    /// Runs with their data, in the order of `runIds` (unknown ids are skipped): one query per
    /// table for all of them, with the ids bound as one array.
    func runs(_ runIds: [String], logger: Logger) async throws -> [Run] {
        guard !runIds.isEmpty else { return [] }
        var byId: [String: Run] = [:]
        let infos: PostgresQuery = "SELECT \(unescaped: Self.runColumns) FROM runs WHERE run_uuid = ANY(\(runIds))"
        for try await row in try await query(infos, logger: logger).decode(RunRow.self) {
            byId[row.0] = Run(info: Self.runInfo(row))
        }
        for try await (run, key, value) in try await query("SELECT run_uuid, key, value FROM params WHERE run_uuid = ANY(\(runIds))",
                                                           logger: logger).decode((String, String, String).self) {
            byId[run]?.data.params[key] = value
        }
        for try await (run, key, value) in try await query("SELECT run_uuid, key, value FROM tags WHERE run_uuid = ANY(\(runIds))",
                                                           logger: logger).decode((String, String, String).self) {
            byId[run]?.data.tags[key] = value
        }
        let metrics: PostgresQuery =
            "SELECT run_uuid, key, value, timestamp, step FROM latest_metrics WHERE run_uuid = ANY(\(runIds))"
        for try await (run, key, value, timestamp, step) in try await query(metrics, logger: logger)
            .decode((String, String, Double?, Int64, Int64).self)
        {
            // NULL is how a NaN latest value is kept (see `PostgresMigrations`).
            byId[run]?.data.metrics[key] = Metric(key: key, value: value ?? .nan, timestamp: timestamp, step: step)
        }
        return runIds.compactMap { byId[$0] }
    }

    private static func runInfo(_ row: RunRow) -> RunInfo {
        RunInfo(
            runId: row.0, experimentId: String(row.1), runName: row.2, userId: row.3,
            status: RunStatus(rawValue: row.4) ?? .running, startTime: row.5, endTime: row.6, artifactUri: row.7,
            lifecycleStage: LifecycleStage(rawValue: row.8) ?? .active)
    }
}
