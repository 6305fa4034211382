/// An experiment with what the experiments page shows beside it.
public struct ExperimentSummary: Sendable, Hashable {
    public var experiment: Experiment
    /// Runs in the active stage.
    public var runCount: Int
    /// The latest start or end time of any of its runs, else the experiment's last update (ms).
    public var lastActivity: Int64

    public init(experiment: Experiment, runCount: Int, lastActivity: Int64) {
        self.experiment = experiment
        self.runCount = runCount
        self.lastActivity = lastActivity
    }
}

/// The distinct keys logged in some experiments, sorted: the columns a runs table can offer.
public struct RunKeys: Sendable, Hashable {
    public var params: [String]
    public var metrics: [String]
    public var tags: [String]

    public init(params: [String] = [], metrics: [String] = [], tags: [String] = []) {
        self.params = params
        self.metrics = metrics
        self.tags = tags
    }
}

/// Defaults for the web UI's queries (declared in ``RunStore``): correct on any store but they
/// read every run; stores override them with one query each.
extension RunStore {
    public func experimentSummaries(viewType: ViewType) async throws -> [ExperimentSummary] {
        var summaries: [ExperimentSummary] = []
        for experiment in try await allExperiments(viewType: viewType) {
            var count = 0
            var last = experiment.lastUpdateTime
            try await forEachRun(RunQuery(experimentIds: [experiment.experimentId])) { run in
                count += 1
                last = max(last, run.info.startTime, run.info.endTime ?? .min)
            }
            summaries.append(ExperimentSummary(experiment: experiment, runCount: count, lastActivity: last))
        }
        return summaries
    }

    public func countRuns(_ query: RunQuery) async throws -> Int {
        var count = 0
        try await forEachRun(query) { _ in count += 1 }
        return count
    }

    public func runKeys(experimentIds: [String], viewType: ViewType) async throws -> RunKeys {
        var params = Set<String>(), metrics = Set<String>(), tags = Set<String>()
        try await forEachRun(RunQuery(experimentIds: experimentIds, viewType: viewType)) { run in
            params.formUnion(run.data.params.keys)
            metrics.formUnion(run.data.metrics.keys)
            tags.formUnion(run.data.tags.keys)
        }
        return RunKeys(params: params.sorted(), metrics: metrics.sorted(), tags: tags.sorted())
    }

    public func fullMetricHistory(runId: String, key: String) async throws -> [Metric] {
        var points: [Metric] = []
        var token: String?
        repeat {
            let page = try await metricHistory(runId: runId, key: key, maxResults: nil, pageToken: token)
            points += page.items
            token = page.nextPageToken
        } while token != nil
        return points
    }

    func allExperiments(viewType: ViewType) async throws -> [Experiment] {
        var experiments: [Experiment] = []
        var token: String?
        repeat {
            let page = try await searchExperiments(ExperimentQuery(viewType: viewType, pageToken: token))
            experiments += page.items
            token = page.nextPageToken
        } while token != nil
        return experiments
    }

    func forEachRun(_ query: RunQuery, _ body: (Run) -> Void) async throws {
        var query = query
        query.maxResults = TrackingLimits.searchMaxResultsThreshold
        query.pageToken = nil
        repeat {
            let page = try await searchRuns(query)
            page.items.forEach(body)
            query.pageToken = page.nextPageToken
        } while query.pageToken != nil
    }
}
