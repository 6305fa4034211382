import Tracking

extension SQLiteRunStore {
    public func createRun(_ request: CreateRunRequest) async throws -> Run {
        let key = try Self.experimentKey(request.experimentId)
        let (name, tags) = try request.resolvedNameAndTags()
        let runId = RunNames.newRunId(), startTime = request.startTime ?? now()
        return try await write { db in
            let parent = try db.experiment(key, id: request.experimentId)
            guard parent.lifecycleStage == .active else {
                throw TrackingError.experimentNotActive(parent.experimentId, stage: parent.lifecycleStage)
            }
            let info = RunInfo(
                runId: runId, experimentId: parent.experimentId, runName: name, userId: request.userId ?? "unknown",
                status: .running, startTime: startTime, endTime: nil,
                artifactUri: "\(parent.artifactLocation)/\(runId)/artifacts", lifecycleStage: .active)
            try db.prepare("INSERT INTO runs (\(Database.runColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
                .text(runId), .integer(key), .text(name), .text(info.userId), .text(info.status.rawValue),
                .integer(startTime), .null, .text(info.artifactUri), .text(LifecycleStage.active.rawValue),
            ])
            try db.upsertTags(tags, runId: runId)
            var run = Run(info: info)
            for tag in tags { run.data.tags[tag.key] = tag.value }
            return run
        }
    }

    public func run(id: String) async throws -> Run {
        try await read { db in
            _ = try db.runInfo(id)
            guard let run = try db.runs([id]).first else { throw TrackingError.runNotFound(id) }
            return run
        }
    }

    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws -> RunInfo {
        try await write { db in
            var info = try db.activeRunInfo(id)
            if let status { info.status = status }
            if let endTime { info.endTime = endTime }
            if let runName, !runName.isEmpty {
                info.runName = runName
                try db.upsertTags([RunTag(key: SystemTag.runName, value: runName)], runId: id)
            }
            try db.prepare("UPDATE runs SET status = ?, end_time = ?, name = ? WHERE run_uuid = ?").run([
                .text(info.status.rawValue), info.endTime.map { .integer($0) } ?? .null, .text(info.runName), .text(id),
            ])
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
        try await write { db in
            _ = try db.runInfo(id)
            try db.prepare("UPDATE runs SET lifecycle_stage = ? WHERE run_uuid = ?").run([.text(stage.rawValue), .text(id)])
        }
    }
}
