import Tracking

/// Where `quire runs` reads runs: a store opened directly or a tracking server over HTTP.
protocol RunsSource: Sendable {
    /// The ids of the experiment named or numbered `nameOrId`, or of every active experiment.
    func experimentIds(_ nameOrId: String?) async throws -> [String]
    /// Up to `maxResults` runs, page after page.
    func searchRuns(experimentIds: [String], filter: String?, orderBy: [String], maxResults: Int) async throws -> [Run]
    func run(id: String) async throws -> Run
    /// Every point of a metric, in step order.
    func metricHistory(runId: String, key: String) async throws -> [Metric]
    func close() async
}

extension RunsSource {
    /// A run, with a clear message for an unknown id.
    func requireRun(_ id: String) async throws -> Run {
        do {
            return try await run(id: id)
        } catch let error as TrackingError where error.code == .resourceDoesNotExist {
            throw RunsError("No run with id '\(id)'.")
        }
    }
}

/// Reads a `RunStore` (SQLite or PostgreSQL) in this process.
struct LocalRunsSource: RunsSource {
    let store: any RunStore
    let closeStore: @Sendable () async -> Void

    init(store: any RunStore, close: @escaping @Sendable () async -> Void) {
        self.store = store
        self.closeStore = close
    }

    func experimentIds(_ nameOrId: String?) async throws -> [String] {
        if let nameOrId {
            if let experiment = try? await store.experiment(named: nameOrId) { return [experiment.experimentId] }
            if let experiment = try? await store.experiment(id: nameOrId) { return [experiment.experimentId] }
            throw RunsError("No experiment named or numbered '\(nameOrId)'.")
        }
        var ids: [String] = []
        var token: String?
        repeat {
            let page = try await store.searchExperiments(
                ExperimentQuery(maxResults: 1000, pageToken: token))
            ids += page.items.map(\.experimentId)
            token = page.nextPageToken
        } while token != nil
        return ids
    }

    func searchRuns(experimentIds: [String], filter: String?, orderBy: [String], maxResults: Int) async throws -> [Run] {
        var runs: [Run] = []
        var token: String?
        repeat {
            let size = min(maxResults - runs.count, TrackingLimits.searchMaxResultsDefault)
            let query = try RunQuery(
                experimentIds: experimentIds, parsing: filter, maxResults: size, orderBy: orderBy, pageToken: token)
            let page = try await store.searchRuns(query)
            runs += page.items
            token = page.nextPageToken
        } while token != nil && runs.count < maxResults
        return runs
    }

    func run(id: String) async throws -> Run {
        try await store.run(id: id)
    }

    func metricHistory(runId: String, key: String) async throws -> [Metric] {
        var points: [Metric] = []
        var token: String?
        repeat {
            let page = try await store.metricHistory(runId: runId, key: key, maxResults: nil, pageToken: token)
            points += page.items
            token = page.nextPageToken
        } while token != nil
        return points
    }

    func close() async {
        await closeStore()
    }
}
