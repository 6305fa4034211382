extension InMemoryState {
    mutating func createRun(_ request: CreateRunRequest) throws(TrackingError) -> Run {
        let parent = try experiment(request.experimentId)
        guard parent.lifecycleStage == .active else {
            throw .experimentNotActive(parent.experimentId, stage: parent.lifecycleStage)
        }
        let (name, tags) = try request.resolvedNameAndTags()
        let runId = RunNames.newRunId()
        let info = RunInfo(
            runId: runId, experimentId: parent.experimentId, runName: name, userId: request.userId ?? "unknown",
            status: .running, startTime: request.startTime ?? now(), endTime: nil,
            artifactUri: "\(parent.artifactLocation)/\(runId)/artifacts", lifecycleStage: .active)
        var run = Run(info: info)
        for tag in tags { run.data.tags[tag.key] = tag.value }
        runs[runId] = StoredRun(run: run)
        return run
    }

    mutating func updateRun(_ runId: String, status: RunStatus?, endTime: Int64?, runName: String?)
        throws(TrackingError) -> RunInfo
    {
        var stored = try activeRun(runId)
        if let status { stored.run.info.status = status }
        if let endTime { stored.run.info.endTime = endTime }
        if let runName, !runName.isEmpty {
            stored.run.info.runName = runName
            stored.run.data.tags[SystemTag.runName] = runName
        }
        runs[runId] = stored
        return stored.run.info
    }

    mutating func log(_ batch: Validation.Batch, runId: String) throws(TrackingError) {
        var stored = try activeRun(runId)
        for param in batch.params {
            if let old = stored.run.data.params[param.key], old != param.value {
                throw .paramChanged(runId: runId, key: param.key, old: old, new: param.value)
            }
            stored.run.data.params[param.key] = param.value
        }
        for tag in batch.tags {
            stored.run.data.tags[tag.key] = tag.value
            if tag.key == SystemTag.runName { stored.run.info.runName = tag.value }
        }
        for metric in batch.metrics {
            var points = stored.history[metric.key] ?? []
            if points.contains(where: { $0.isSamePoint(as: metric) }) { continue }
            let position = points.firstIndex { ($0.step, $0.timestamp) > (metric.step, metric.timestamp) } ?? points.count
            points.insert(metric, at: position)
            stored.history[metric.key] = points
            if let latest = stored.run.data.metrics[metric.key], !metric.isNewer(than: latest) { continue }
            stored.run.data.metrics[metric.key] = metric
        }
        runs[runId] = stored
    }
}
