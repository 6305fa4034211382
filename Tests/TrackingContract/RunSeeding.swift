import Tracking

/// Fills a store with runs shaped like a real sweep, the same way for every store's performance
/// tests: per run `params` params, `metrics` metrics of `historyPoints` points each, `tags` tags,
/// all in one `logBatch`. Every value is a pure function of (run, key) — `metricValue`,
/// `paramValue` — so tests state expectations without reading them back from the store.
public struct RunSeeding: Sendable {
    public var runs: Int
    public var params: Int
    public var metrics: Int
    public var historyPoints: Int
    public var tags: Int

    /// The web UI's scale: 10,000 runs × 20 params × 10 metrics (3 points each) × 5 tags.
    public static let uiScale = RunSeeding(runs: 10_000, params: 20, metrics: 10, historyPoints: 3, tags: 5)

    public init(runs: Int, params: Int, metrics: Int, historyPoints: Int, tags: Int) {
        self.runs = runs
        self.params = params
        self.metrics = metrics
        self.historyPoints = historyPoints
        self.tags = tags
    }

    /// Run `run`'s latest value of metric `m<key>`, spread over [0, 1) in steps of 0.001.
    public static func metricValue(run: Int, key: Int) -> Double {
        Double((run * 7919 + key * 104_729) % 1000) / 1000
    }

    /// Run `run`'s value of param `p<key>`: one of 10 values, `v0`...`v9`.
    public static func paramValue(run: Int, key: Int) -> String {
        "v\((run / (key + 1)) % 10)"
    }

    /// Run `run` starts at `1_000_000 + run` ms; every tenth run has not ended, the others last
    /// `duration(run:)` ms.
    public static func startTime(run: Int) -> Int64 { 1_000_000 + Int64(run) }

    public static func duration(run: Int) -> Int64? {
        run.isMultiple(of: 10) ? nil : Int64((run * 31) % 5000)
    }

    /// Creates the runs in `experimentId`, named `run-<i>`; returns their ids in creation order.
    @discardableResult
    public func seed(_ store: any RunStore, experimentId: String) async throws -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(runs)
        for run in 0..<runs {
            let start = Self.startTime(run: run)
            let id = try await store.createRun(CreateRunRequest(experimentId: experimentId, runName: "run-\(run)",
                                                                startTime: start)).info.runId
            var points: [Metric] = []
            for key in 0..<metrics {
                // Earlier points first; the last step carries the latest value.
                for step in 0..<historyPoints {
                    let latest = step == historyPoints - 1
                    points.append(Metric(key: "m\(key)", value: latest ? Self.metricValue(run: run, key: key) : Double(step),
                                         timestamp: start + Int64(step), step: Int64(step)))
                }
            }
            let params = (0..<params).map { Param(key: "p\($0)", value: Self.paramValue(run: run, key: $0)) }
            let tags = (0..<tags).map { RunTag(key: "t\($0)", value: "tag-\(run % ($0 + 2))") }
            try await store.logBatch(runId: id, metrics: points, params: params, tags: tags)
            if let duration = Self.duration(run: run) {
                _ = try await store.updateRun(id: id, status: .finished, endTime: start + duration, runName: nil)
            }
            ids.append(id)
        }
        return ids
    }
}

extension RunSeeding {
    /// The search performance tests' data: 1,000 runs × 2 params × 2 metrics × 1 tag.
    public static let thousandRuns = RunSeeding(runs: 1000, params: 2, metrics: 2, historyPoints: 1, tags: 1)
}
