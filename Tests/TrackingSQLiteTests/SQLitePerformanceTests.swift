import Testing
import Tracking
import TrackingContract
import TrackingSQLite

/// Measured figures for the report and generous ceilings that catch a lost index or an
/// accidental per-row query; the targets are tighter (search < 50 ms in release).
@Suite(.serialized)
struct SQLitePerformanceTests {
    @Test func searchOverAThousandRunsWithAMetricFilter() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let exp = try await store.createExperiment(name: "perf")
        try await RunSeeding.thousandRuns.seed(store, experimentId: exp)
        let query = try RunQuery(experimentIds: [exp], parsing: "metrics.m0 > 0.5", orderBy: ["metrics.m0 DESC"])
        var times: [Double] = []
        var hits = 0
        for _ in 0..<5 {
            times.append(try await elapsedMilliseconds { hits = try await store.searchRuns(query).items.count })
        }
        let median = times.sorted()[2]
        print("[figures] search 1,000 runs, metrics.m0 > 0.5 ORDER BY metrics.m0 DESC: \(hits) hits, median \(median) ms")
        #expect(hits == (0..<1000).count { RunSeeding.metricValue(run: $0, key: 0) > 0.5 })
        #expect(median < 500)
    }

    /// The runs page's queries per view (a page, the count, the column keys) on the UI's scale.
    @Test func runsPageViewsOnTenThousandRuns() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let exp = try await store.createExperiment(name: "ui-scale")
        let seeding = try await elapsedMilliseconds { try await RunSeeding.uiScale.seed(store, experimentId: exp) }
        print("[figures] seeded 10,000 runs × 20 params × 10 metrics × 3 points × 5 tags in \(Int(seeding)) ms")
        for timing in try await RunsPageViews.measure(store, experimentId: exp, seeding: .uiScale) {
            print("[figures] runs page view, \(timing.view): page + count + keys, median \(timing.milliseconds) ms")
        }
    }

    @Test func loggingTenThousandMetricsInBatches() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let id = try await store.createRun(CreateRunRequest(experimentId: "0")).info.runId
        let batched = try await elapsedMilliseconds {
            for batch in 0..<10 {
                let metrics = (0..<1000).map { Metric(key: "loss", value: Double($0), timestamp: 1, step: Int64(batch * 1000 + $0)) }
                try await store.logBatch(runId: id, metrics: metrics, params: [], tags: [])
            }
        }
        let single = try await elapsedMilliseconds {
            for step in 0..<1000 { try await store.logMetric(runId: id, Metric(key: "acc", value: 1, timestamp: 1, step: Int64(step))) }
        }
        print("[figures] 10,000 points in 10 log_batch calls: \(batched) ms; 1,000 single log_metric: \(single) ms (\(single / 1000) ms each)")
        #expect(try await store.metricHistory(runId: id, key: "loss", maxResults: nil, pageToken: nil).items.count == 10000)
        #expect(batched < 5000)
    }
}
