import Synchronization

/// A `RunStore` in memory: the reference implementation of the contract, and a store for
/// tests of the server. State lives behind one `Mutex`; every operation is atomic.
public final class InMemoryRunStore: RunStore {
    let state: Mutex<InMemoryState>

    /// - Parameter artifactRoot: experiments get `<artifactRoot>/<id>` as artifact location.
    public init(artifactRoot: String = "mlflow-artifacts:", now: @escaping @Sendable () -> Int64 = TrackingClock.nowMilliseconds) {
        state = Mutex(InMemoryState(artifactRoot: artifactRoot, now: now))
    }

    public func createExperiment(name: String, artifactLocation: String?, tags: [String: String]) async throws -> String {
        try state.withLock { try $0.createExperiment(name: name, artifactLocation: artifactLocation, tags: tags) }
    }

    public func experiment(id: String) async throws -> Experiment {
        try state.withLock { try $0.experiment(id) }
    }

    public func experiment(named name: String) async throws -> Experiment {
        try state.withLock { s in
            guard let found = s.experiments.values.first(where: { $0.name == name }) else {
                throw TrackingError.experimentNotFound(name: name)
            }
            return found
        }
    }

    public func searchExperiments(_ query: ExperimentQuery) async throws -> Page<Experiment> {
        let offset = try PageToken.decode(query.pageToken, fingerprint: query.fingerprint)
        let ordering = query.ordering
        let all = state.withLock { Array($0.experiments.values) }
            .filter { query.viewType.includes($0.lifecycleStage) && (query.filter?.matches($0) ?? true) }
            .sorted(by: ordering.areInIncreasingOrder)
        return Page.slice(all, offset: offset, limit: query.maxResults, fingerprint: query.fingerprint)
    }

    public func renameExperiment(id: String, to newName: String) async throws {
        try state.withLock { try $0.renameExperiment(id, to: newName) }
    }

    public func deleteExperiment(id: String) async throws {
        try state.withLock { try $0.setExperimentStage(id, .deleted) }
    }

    public func restoreExperiment(id: String) async throws {
        try state.withLock { try $0.setExperimentStage(id, .active) }
    }

    public func setExperimentTag(id: String, key: String, value: String) async throws {
        try Validation.experimentTag(key: key, value: value)
        try state.withLock { s in
            _ = try s.experiment(id)
            s.experiments[id]?.tags[key] = value
        }
    }

    public func deleteExperimentTag(id: String, key: String) async throws {
        try state.withLock { s in
            guard try s.experiment(id).tags[key] != nil else {
                throw TrackingError(.resourceDoesNotExist, "No tag with name: \(key) in experiment with id \(id)")
            }
            s.experiments[id]?.tags[key] = nil
        }
    }

    public func createRun(_ request: CreateRunRequest) async throws -> Run {
        try state.withLock { try $0.createRun(request) }
    }

    public func run(id: String) async throws -> Run {
        try state.withLock { try $0.stored(id).run }
    }

    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws -> RunInfo {
        try state.withLock { try $0.updateRun(id, status: status, endTime: endTime, runName: runName) }
    }

    public func deleteRun(id: String) async throws {
        try state.withLock { s in _ = try s.stored(id); s.runs[id]?.run.info.lifecycleStage = .deleted }
    }

    public func restoreRun(id: String) async throws {
        try state.withLock { s in _ = try s.stored(id); s.runs[id]?.run.info.lifecycleStage = .active }
    }

    public func logBatch(runId: String, metrics: [Metric], params: [Param], tags: [RunTag]) async throws {
        let batch = try Validation.batch(metrics: metrics, params: params, tags: tags)
        try state.withLock { try $0.log(batch, runId: runId) }
    }

    public func deleteTag(runId: String, key: String) async throws {
        try state.withLock { s in
            let stored = try s.activeRun(runId)
            guard stored.run.data.tags[key] != nil else {
                throw TrackingError(.resourceDoesNotExist, "No tag with name: \(key) in run with id \(runId)")
            }
            s.runs[runId]?.run.data.tags[key] = nil
        }
    }

    public func metricHistory(runId: String, key: String, maxResults: Int?, pageToken: String?) async throws -> Page<Metric> {
        let limit = try Validation.maxResults(maxResults ?? TrackingLimits.metricHistoryMaxResults,
                                              limit: TrackingLimits.metricHistoryMaxResults)
        let fingerprint = "history|\(runId)|\(key)"
        let offset = try PageToken.decode(pageToken, fingerprint: fingerprint)
        let points = try state.withLock { try $0.stored(runId).history[key] ?? [] }
        return Page.slice(points, offset: offset, limit: limit, fingerprint: fingerprint)
    }

    public func searchRuns(_ query: RunQuery) async throws -> Page<Run> {
        let offset = try PageToken.decode(query.pageToken, fingerprint: query.fingerprint)
        let ordering = query.ordering
        let experiments = Set(query.experimentIds)
        let all = state.withLock { s in s.runs.values.map(\.run) }
            .filter {
                experiments.contains($0.info.experimentId) && query.viewType.includes($0.info.lifecycleStage)
                    && (query.filter?.matches($0) ?? true)
            }
            .sorted(by: ordering.areInIncreasingOrder)
        return Page.slice(all, offset: offset, limit: query.maxResults, fingerprint: query.fingerprint)
    }
}
