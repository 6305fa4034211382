import PostgresNIO
import Tracking

extension PostgresRunStore {
    public func createRun(_ request: CreateRunRequest) async throws -> Run {
        let key = try Self.experimentKey(request.experimentId)
        let (name, tags) = try request.resolvedNameAndTags()
        let runId = RunNames.newRunId(), startTime = request.startTime ?? now(), logger = logger
        return try await write { db in
            let parent = try await db.experiment(key, id: request.experimentId, logger: logger)
            guard parent.lifecycleStage == .active else {
                throw TrackingError.experimentNotActive(parent.experimentId, stage: parent.lifecycleStage)
            }
            let info = RunInfo(
                runId: runId, experimentId: parent.experimentId, runName: name, userId: request.userId ?? "unknown",
                status: .running, startTime: startTime, endTime: nil,
                artifactUri: "\(parent.artifactLocation)/\(runId)/artifacts", lifecycleStage: .active)
            try await db.query(
                """
                INSERT INTO runs (\(unescaped: PostgresConnection.runColumns)) VALUES (\(runId), \(key), \(name), \
                \(info.userId), \(info.status.rawValue), \(startTime), NULL, \(info.artifactUri), 'active')
                """, logger: logger)
            try await db.upsertTags(tags, runId: runId, logger: logger)
            var run = Run(info: info)
            for tag in tags { run.data.tags[tag.key] = tag.value }
            return run
        }
    }

    public func run(id: String) async throws -> Run {
        let logger = logger
        return try await read { db in
            _ = try await db.runInfo(id, logger: logger)
            guard let run = try await db.runs([id], logger: logger).first else { throw TrackingError.runNotFound(id) }
            return run
        }
    }

    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws -> RunInfo {
        let logger = logger
        return try await write { db in
            var info = try await db.activeRunInfo(id, logger: logger)
            if let status { info.status = status }
            if let endTime { info.endTime = endTime }
            if let runName, !runName.isEmpty {
                info.runName = runName
                try await db.upsertTags([RunTag(key: SystemTag.runName, value: runName)], runId: id, logger: logger)
            }
            try await db.query(
                """
                UPDATE runs SET status = \(info.status.rawValue), end_time = \(info.endTime), name = \(info.runName) \
                WHERE run_uuid = \(id)
                """, logger: logger)
            return info
        }
    }

    public func deleteRun(id: String) async throws {
        try await setStage(.deleted, run: id)
    }

    public func restoreRun(id: String) async throws {
        try await setStage(.active, run: id)
    }

    private func setStage(_ stage: LifecycleStage, run id: String) async throws {
        let logger = logger
        try await write { db in
            _ = try await db.runInfo(id, logger: logger)
            try await db.query("UPDATE runs SET lifecycle_stage = \(stage.rawValue) WHERE run_uuid = \(id)", logger: logger)
        }
    }
}
