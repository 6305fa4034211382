import Testing
import Tracking
import TrackingPostgres

/// Measured figures for the report (printed with `[figures]`) and generous ceilings that catch
/// a lost index or an accidental per-row query. The test server runs with PostgreSQL's
/// default durability (fsync and synchronous commit on).
@Suite(requiresPostgres, .serialized)
struct PostgresPerformanceTests {
    @Test func searchOverAThousandRunsWithAMetricFilter() async throws {
        try await withPostgresStore { store in
            let exp = try await store.createExperiment(name: "perf")
            for i in 0..<1000 {
                let id = try await store.createRun(CreateRunRequest(experimentId: exp, runName: "run-\(i)", startTime: Int64(i))).info.runId
                try await store.logBatch(
                    runId: id,
                    metrics: [Metric(key: "acc", value: Double((i * 7919) % 1000) / 1000, timestamp: 1),
                              Metric(key: "loss", value: Double(i % 13), timestamp: 1)],
                    params: [Param(key: "lr", value: "0.\(i % 10)"), Param(key: "model", value: "m\(i % 3)")],
                    tags: [RunTag(key: "team", value: i.isMultiple(of: 2) ? "a" : "b")])
            }
            let query = try RunQuery(experimentIds: [exp], parsing: "metrics.acc > 0.5", orderBy: ["metrics.acc DESC"])
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
            print("[figures] postgres: search 1,000 runs, metrics.acc > 0.5 ORDER BY metrics.acc DESC: \(hits) hits, "
                + "median \(median) ms (min \(times.min() ?? 0) ms); first page of 1: median \(firstTimes.sorted()[3]) ms")
            #expect(hits == 499)
            #expect(median < 1000)
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
