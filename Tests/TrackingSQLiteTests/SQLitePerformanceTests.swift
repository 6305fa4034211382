import Testing
import Tracking
import TrackingSQLite

/// Measured figures for the report and generous ceilings that catch a lost index or an
/// accidental per-row query; the targets are tighter (search < 50 ms in release).
@Suite(.serialized)
struct SQLitePerformanceTests {
    @Test func searchOverAThousandRunsWithAMetricFilter() async throws {
        let database = TemporaryDatabase()
        let store = try database.store()
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
        for _ in 0..<5 {
            times.append(try await elapsedMilliseconds { hits = try await store.searchRuns(query).items.count })
        }
        let median = times.sorted()[2]
        print("[figures] search 1,000 runs, metrics.acc > 0.5 ORDER BY metrics.acc DESC: \(hits) hits, median \(median) ms")
        #expect(hits == 499)
        #expect(median < 500)
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
