/// The data of an ``InMemoryRunStore`` and its rules, as plain mutating methods.
struct InMemoryState {
    struct StoredRun {
        var run: Run
        /// Each key's points, kept in (step, timestamp) order.
        var history: [String: [Metric]] = [:]
    }

    let artifactRoot: String
    let now: @Sendable () -> Int64
    var experiments: [String: Experiment] = [:]
    var nextExperimentId = 1
    var runs: [String: StoredRun] = [:]

    init(artifactRoot: String, now: @escaping @Sendable () -> Int64) {
        self.artifactRoot = artifactRoot
        self.now = now
        let time = now()
        experiments[Experiment.defaultId] = Experiment(
            experimentId: Experiment.defaultId, name: Experiment.defaultName,
            artifactLocation: "\(artifactRoot)/\(Experiment.defaultId)", creationTime: time, lastUpdateTime: time)
    }

    func experiment(_ id: String) throws(TrackingError) -> Experiment {
        guard let found = experiments[id] else { throw .experimentNotFound(id: id) }
        return found
    }

    mutating func createExperiment(name: String, artifactLocation: String?, tags: [String: String])
        throws(TrackingError) -> String
    {
        try Validation.experimentName(name)
        for (key, value) in tags { try Validation.experimentTag(key: key, value: value) }
        if experiments.values.contains(where: { $0.name == name }) { throw .experimentExists(name: name) }
        let id = String(nextExperimentId)
        nextExperimentId += 1
        let time = now()
        experiments[id] = Experiment(
            experimentId: id, name: name, artifactLocation: artifactLocation ?? "\(artifactRoot)/\(id)",
            creationTime: time, lastUpdateTime: time, tags: tags)
        return id
    }

    mutating func renameExperiment(_ id: String, to newName: String) throws(TrackingError) {
        try Validation.experimentName(newName)
        let found = try experiment(id)
        guard found.lifecycleStage == .active else {
            throw .invalidParameter("Cannot rename a non-active experiment.")
        }
        if experiments.values.contains(where: { $0.name == newName && $0.experimentId != id }) {
            throw .experimentExists(name: newName)
        }
        experiments[id]?.name = newName
        experiments[id]?.lastUpdateTime = now()
    }

    mutating func setExperimentStage(_ id: String, _ stage: LifecycleStage) throws(TrackingError) {
        _ = try experiment(id)
        if stage == .deleted, id == Experiment.defaultId {
            throw .invalidParameter(
                "Cannot delete the default experiment '\(id)'. This is an internally reserved experiment.")
        }
        experiments[id]?.lifecycleStage = stage
        experiments[id]?.lastUpdateTime = now()
        // As MLflow: deleting an experiment deletes its runs, restoring it restores them.
        for (runId, stored) in runs where stored.run.info.experimentId == id {
            runs[runId]?.run.info.lifecycleStage = stage
        }
    }

    func stored(_ runId: String) throws(TrackingError) -> StoredRun {
        try Validation.runId(runId)
        guard let found = runs[runId] else { throw .runNotFound(runId) }
        return found
    }

    func activeRun(_ runId: String) throws(TrackingError) -> StoredRun {
        let found = try stored(runId)
        guard found.run.info.lifecycleStage == .active else {
            throw .runNotActive(runId, stage: found.run.info.lifecycleStage)
        }
        return found
    }
}
