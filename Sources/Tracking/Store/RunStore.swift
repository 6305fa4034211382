/// The tracking store the server calls: MLflow's store API, one method per REST operation.
///
/// Every method is `async throws` and throws ``TrackingError`` (404 for unknown ids and names,
/// 400 for bad input). Implementations validate with ``Validation``, order with
/// ``SearchOrdering``, filter with the semantics of ``FilterExpression/matches(_:)-(Run)``
/// and paginate with ``PageToken`` — the contract suite in `Tests/TrackingContract` checks all of it.
/// Implementations are safe to call from many tasks at once; writes are atomic.
public protocol RunStore: Sendable {
    // MARK: Experiments

    /// Creates an experiment and returns its id. Its artifact location defaults to
    /// `<store artifact root>/<id>`.
    /// - Throws: `RESOURCE_ALREADY_EXISTS` if any experiment (even deleted) has the name.
    func createExperiment(name: String, artifactLocation: String?, tags: [String: String]) async throws -> String
    /// - Throws: `RESOURCE_DOES_NOT_EXIST` for an unknown id.
    func experiment(id: String) async throws -> Experiment
    /// - Throws: `RESOURCE_DOES_NOT_EXIST` for an unknown name (the client relies on this 404).
    func experiment(named name: String) async throws -> Experiment
    func searchExperiments(_ query: ExperimentQuery) async throws -> Page<Experiment>
    /// - Throws: `INVALID_PARAMETER_VALUE` for a deleted experiment, `RESOURCE_ALREADY_EXISTS` for a taken name.
    func renameExperiment(id: String, to newName: String) async throws
    /// Moves an experiment and its runs to the deleted stage. The default experiment cannot be deleted.
    func deleteExperiment(id: String) async throws
    func restoreExperiment(id: String) async throws
    func setExperimentTag(id: String, key: String, value: String) async throws
    func deleteExperimentTag(id: String, key: String) async throws

    // MARK: Runs

    /// Creates a run in an active experiment.
    func createRun(_ request: CreateRunRequest) async throws -> Run
    /// A run with its latest metrics, params and tags, whatever its lifecycle stage.
    func run(id: String) async throws -> Run
    /// Sets status, end time and/or name (the name also sets the `mlflow.runName` tag).
    func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws -> RunInfo
    func deleteRun(id: String) async throws
    func restoreRun(id: String) async throws

    /// Logs metrics, params and tags at once: all are written or none.
    /// - Throws: `INVALID_PARAMETER_VALUE` for limits, bad keys, a changed param, a deleted run.
    func logBatch(runId: String, metrics: [Metric], params: [Param], tags: [RunTag]) async throws
    /// - Throws: `RESOURCE_DOES_NOT_EXIST` if the run has no tag `key`.
    func deleteTag(runId: String, key: String) async throws

    /// A metric's points in (step, timestamp) order, `maxResults` at a time (default and
    /// maximum 25,000).
    func metricHistory(runId: String, key: String, maxResults: Int?, pageToken: String?) async throws -> Page<Metric>
    func searchRuns(_ query: RunQuery) async throws -> Page<Run>

    // MARK: Browsing (the web UI; defaults in RunBrowsing.swift)

    /// Every experiment in `viewType`, newest first, with its run count and last activity.
    func experimentSummaries(viewType: ViewType) async throws -> [ExperimentSummary]
    /// How many runs `query` matches over all pages (its page token and size are ignored).
    func countRuns(_ query: RunQuery) async throws -> Int
    /// The param, metric and tag keys of the runs in the experiments and view.
    func runKeys(experimentIds: [String], viewType: ViewType) async throws -> RunKeys
    /// Every point of a metric in step order (charts, sampled history): one read, no pages.
    /// - Throws: `RESOURCE_DOES_NOT_EXIST` for an unknown run.
    func fullMetricHistory(runId: String, key: String) async throws -> [Metric]
}

extension RunStore {
    public func logMetric(runId: String, _ metric: Metric) async throws {
        try await logBatch(runId: runId, metrics: [metric], params: [], tags: [])
    }

    /// Logs a param; logging the same value again is fine, a different value is an error.
    public func logParam(runId: String, key: String, value: String) async throws {
        try await logBatch(runId: runId, metrics: [], params: [Param(key: key, value: value)], tags: [])
    }

    public func setTag(runId: String, key: String, value: String) async throws {
        try await logBatch(runId: runId, metrics: [], params: [], tags: [RunTag(key: key, value: value)])
    }

    public func createExperiment(name: String) async throws -> String {
        try await createExperiment(name: name, artifactLocation: nil, tags: [:])
    }
}
