import Testing
import Tracking
import TrackingContract
import TrackingPostgres

/// Measured figures for the report (printed with `[figures]`) and generous ceilings that catch
/// a lost index or an accidental per-row query. The test server runs with PostgreSQL's
/// default durability (fsync and synchronous commit on).
@Suite(requiresPostgres, .serialized)
struct PostgresPerformanceTests {
    @Test func searchOverAThousandRunsWithAMetricFilter() async throws {
        try await withPostgresStore { store in
            let exp = try await store.createExperiment(name: "perf")
            try await RunSeeding.thousandRuns.seed(store, experimentId: exp)
            let query = try RunQuery(experimentIds: [exp], parsing: "metrics.m0 > 0.5", orderBy: ["metrics.m0 DESC"])
            var times: [Double] = []
            var hits = 0
            for _ in 0..<7 {
                times.append(try await elapsedMilliseconds { hits = try await store.searchRuns(query).items.count })
            }
            let median = times.sorted()[3]
            // The same search returning one run: the SQL's own cost, without loading 499 runs' data.
            var first = query
            first.maxResults = 1
            var firstTimes: [Double] = []
            for _ in 0..<7 { firstTimes.append(try await elapsedMilliseconds { _ = try await store.searchRuns(first) }) }
            print("[figures] postgres: search 1,000 runs, metrics.m0 > 0.5 ORDER BY metrics.m0 DESC: \(hits) hits, "
                + "median \(median) ms (min \(times.min() ?? 0) ms); first page of 1: median \(firstTimes.sorted()[3]) ms")
            #expect(hits == (0..<1000).count { RunSeeding.metricValue(run: $0, key: 0) > 0.5 })
            #expect(median < 1000)
        }
    }

    /// The runs page's queries per view (a page, the count, the column keys), on fewer runs than
    /// SQLite's test: seeding commits each run durably, several times slower than SQLite.
    @Test func runsPageViewsOnTwoThousandRuns() async throws {
        try await withPostgresStore { store in
            let exp = try await store.createExperiment(name: "ui-scale")
            var shape = RunSeeding.uiScale
            shape.runs = 2000
            let seeding = try await elapsedMilliseconds { try await shape.seed(store, experimentId: exp) }
            print("[figures] postgres: seeded 2,000 runs × 20 params × 10 metrics × 3 points × 5 tags in \(Int(seeding)) ms")
            for timing in try await RunsPageViews.measure(store, experimentId: exp, seeding: shape) {
                print("[figures] postgres: runs page view, \(timing.view): page + count + keys, median \(timing.milliseconds) ms")
            }
        }
    }

    @Test func loggingTenThousandMetricsInBatchesAndSingly() async throws {
        try await withPostgresStore { store in
            let id = try await store.createRun(CreateRunRequest(experimentId: "0")).info.runId
            let batched = try await elapsedMilliseconds {
                for batch in 0..<10 {
                    let metrics = (0..<1000).map { Metric(key: "loss", value: Double($0), timestamp: 1, step: Int64(batch * 1000 + $0)) }
                    try await store.logBatch(runId: id, metrics: metrics, params: [], tags: [])
                }
            }
            var singles: [Double] = []
            for step in 0..<1000 {
                singles.append(try await elapsedMilliseconds {
                    try await store.logMetric(runId: id, Metric(key: "acc", value: 1, timestamp: 1, step: Int64(step)))
                })
            }
            singles.sort()
            let total = singles.reduce(0, +)
            print("[figures] postgres: 10,000 points in 10 log_batch calls: \(batched) ms; 1,000 single log_metric: "
                + "\(total) ms (median \(singles[500]) ms, p99 \(singles[990]) ms)")
            #expect(try await store.metricHistory(runId: id, key: "loss", maxResults: nil, pageToken: nil).items.count == 10000)
            #expect(batched < 10000)
        }
    }
}
