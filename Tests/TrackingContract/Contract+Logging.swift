import QuireTestSupport
import Testing
import Tracking

extension RunStoreContract {
    static let loggingCases: [ContractCase] = [
        ContractCase(name: "params are immutable, long values truncated") { store in
            let id = try await store.makeRun("0", "r")
            try await store.logParam(runId: id, key: "lr", value: "0.1")
            try await store.logParam(runId: id, key: "lr", value: "0.1")
            await expectError(.invalidParameterValue, containing: "Changing param values is not allowed") {
                try await store.logParam(runId: id, key: "lr", value: "0.2")
            }
            try await store.logParam(runId: id, key: "long", value: String(repeating: "é", count: 6001))
            try await store.setTag(runId: id, key: "long", value: String(repeating: "x", count: 8001))
            let run = try await store.run(id: id)
            #expect(run.data.params["lr"] == "0.1")
            #expect(run.data.params["long"] == String(repeating: "é", count: 6000))
            #expect(run.data.tags["long"]?.count == 8000)
        },
        ContractCase(name: "metric history and the latest-value rule") { store in
            let id = try await store.makeRun("0", "r")
            let points = [
                Metric(key: "acc", value: 0.5, timestamp: 10, step: 2), Metric(key: "acc", value: 0.1, timestamp: 30, step: 0),
                Metric(key: "acc", value: 0.7, timestamp: 5, step: 2), Metric(key: "acc", value: 0.6, timestamp: 10, step: 2),
                Metric(key: "acc", value: 0.5, timestamp: 10, step: 2), Metric(key: "acc", value: 0.9, timestamp: 1, step: 1),
            ]
            for point in points { try await store.logMetric(runId: id, point) }
            // Largest step (2), then largest timestamp (10), then largest value (0.6).
            #expect(try await store.run(id: id).data.metrics["acc"] == Metric(key: "acc", value: 0.6, timestamp: 10, step: 2))
            let history = try await store.metricHistory(runId: id, key: "acc", maxResults: nil, pageToken: nil)
            #expect(history.items.map(\.value) == [0.1, 0.9, 0.7, 0.5, 0.6])  // exact duplicate dropped
            #expect(history.nextPageToken == nil)
            var paged: [Double] = []
            var token: String?
            repeat {
                let page = try await store.metricHistory(runId: id, key: "acc", maxResults: 2, pageToken: token)
                paged += page.items.map(\.value)
                token = page.nextPageToken
            } while token != nil
            #expect(paged == history.items.map(\.value))
            // The charts' one-read history: the same points in the same order.
            #expect(try await store.fullMetricHistory(runId: id, key: "acc") == history.items)
            #expect(try await store.fullMetricHistory(runId: id, key: "none").isEmpty)
            await expectError(.resourceDoesNotExist) {
                _ = try await store.fullMetricHistory(runId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", key: "acc")
            }
            #expect(try await store.metricHistory(runId: id, key: "none", maxResults: nil, pageToken: nil).items.isEmpty)
            await expectError(.resourceDoesNotExist) {
                _ = try await store.metricHistory(runId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", key: "acc", maxResults: nil, pageToken: nil)
            }
        },
        ContractCase(name: "the charts' full history is the API's, over many batches, duplicates and ties") { store in
            let id = try await store.makeRun("0", "r")
            var random = SeededGenerator(seed: 6)
            var logged = 0
            while logged < 700 {  // out of order, with exact duplicates and ties of step and timestamp
                let batch = (0..<Int.random(in: 1...150, using: &random)).map { _ in
                    Metric(
                        key: "loss", value: [.nan, 0.5, 1.5, Double(Int.random(in: 0..<100, using: &random))].randomElement(using: &random)!,
                        timestamp: Int64.random(in: 0..<4, using: &random), step: Int64.random(in: 0..<40, using: &random))
                }
                try await store.logBatch(runId: id, metrics: batch, params: [], tags: [])
                logged += batch.count
            }
            for step in stride(from: 0, to: 300, by: 50) {  // in order, batches across block boundaries
                let batch = (step..<step + 50).map { Metric(key: "acc", value: Double($0) / 7, timestamp: 1, step: Int64($0)) }
                try await store.logBatch(runId: id, metrics: batch, params: [], tags: [])
            }
            for key in ["loss", "acc"] {
                var paged: [Metric] = []
                var token: String?
                repeat {
                    let page = try await store.metricHistory(runId: id, key: key, maxResults: 100, pageToken: token)
                    paged += page.items
                    token = page.nextPageToken
                } while token != nil
                let full = try await store.fullMetricHistory(runId: id, key: key)
                let same = full.count == paged.count && zip(full, paged).allSatisfy {
                    ($0.step, $0.timestamp, $0.value.isNaN) == ($1.step, $1.timestamp, $1.value.isNaN)
                        && ($0.value.isNaN || $0.value == $1.value)
                }
                #expect(same, "\(key): \(full.count) points in full, \(paged.count) in pages")
            }
            #expect(try await store.fullMetricHistory(runId: id, key: "acc").map(\.step) == (0..<300).map(Int64.init))
            #expect(try await store.fullMetricHistory(runId: id, key: "loss").count < logged)  // duplicates dropped
        },
        ContractCase(name: "NaN round-trips; infinities come back clamped as from MLflow's SQL store") { store in
            let id = try await store.makeRun("0", "r")
            try await store.logBatch(runId: id, metrics: [
                Metric(key: "nan", value: .nan, timestamp: 1, step: 0), Metric(key: "nan", value: .nan, timestamp: 1, step: 0),
                Metric(key: "inf", value: .infinity, timestamp: 1), Metric(key: "ninf", value: -.infinity, timestamp: 1),
            ], params: [], tags: [])
            let metrics = try await store.run(id: id).data.metrics
            #expect(metrics["nan"]?.value.isNaN == true)
            #expect(metrics["inf"]?.value == 1.7976931348623157e308 && metrics["ninf"]?.value == -1.7976931348623157e308)
            let history = try await store.metricHistory(runId: id, key: "inf", maxResults: nil, pageToken: nil)
            #expect(history.items.map(\.value) == [1.7976931348623157e308])
            #expect(try await store.metricHistory(runId: id, key: "nan", maxResults: nil, pageToken: nil).items.count == 1)
            try await store.logMetric(runId: id, Metric(key: "nan", value: 3, timestamp: 1, step: 0))
            #expect(try await store.run(id: id).data.metrics["nan"]?.value == 3)
        },
        ContractCase(name: "tags: set, overwrite, delete") { store in
            let id = try await store.makeRun("0", "r")
            try await store.setTag(runId: id, key: "t", value: "1")
            try await store.setTag(runId: id, key: "t", value: "2")
            #expect(try await store.run(id: id).data.tags["t"] == "2")
            try await store.deleteTag(runId: id, key: "t")
            #expect(try await store.run(id: id).data.tags["t"] == nil)
            await expectError(.resourceDoesNotExist) { try await store.deleteTag(runId: id, key: "t") }
        },
        ContractCase(name: "batch limits and key validation") { store in
            let id = try await store.makeRun("0", "r")
            let metric = { (i: Int) in Metric(key: "m\(i)", value: 1, timestamp: 1) }
            await expectError(.invalidParameterValue, containing: "at most 1000 metrics. Got 1001") {
                try await store.logBatch(runId: id, metrics: (0...1000).map(metric), params: [], tags: [])
            }
            await expectError(.invalidParameterValue, containing: "at most 100 params") {
                try await store.logBatch(runId: id, metrics: [], params: (0...100).map { Param(key: "p\($0)", value: "") }, tags: [])
            }
            await expectError(.invalidParameterValue, containing: "at most 100 tags") {
                try await store.logBatch(runId: id, metrics: [], params: [], tags: (0...100).map { RunTag(key: "t\($0)", value: "") })
            }
            await expectError(.invalidParameterValue, containing: "at most 1000 total") {
                try await store.logBatch(runId: id, metrics: (0..<1000).map(metric), params: [Param(key: "p", value: "")], tags: [])
            }
            for bad in ["a..b/../c", "/abs", "a//b", "", "bad!", "./x", "x/"] {
                await expectError(.invalidParameterValue, containing: "Invalid param name") {
                    try await store.logParam(runId: id, key: bad, value: "1")
                }
            }
            await expectError(.invalidParameterValue, containing: "exceeded length limit of 250") {
                try await store.setTag(runId: id, key: String(repeating: "k", count: 251), value: "1")
            }
            try await store.logBatch(runId: id, metrics: (0..<1000).map(metric), params: [], tags: [])
            try await store.logParam(runId: id, key: "ok-key with/slash:colon.dot_", value: "1")
            // Atomic: a changed param rejects the whole batch, its metrics included.
            try await store.logParam(runId: id, key: "fixed", value: "1")
            await expectError(.invalidParameterValue) {
                try await store.logBatch(runId: id, metrics: [Metric(key: "atomic", value: 1, timestamp: 1)],
                                         params: [Param(key: "fixed", value: "2")], tags: [RunTag(key: "atomic", value: "x")])
            }
            let run = try await store.run(id: id)
            #expect(run.data.metrics["atomic"] == nil && run.data.tags["atomic"] == nil)
            #expect(run.data.metrics.count == 1000)
        },
    ]
}
