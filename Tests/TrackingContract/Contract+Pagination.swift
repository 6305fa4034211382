import Testing
import Tracking

extension RunStoreContract {
    static let paginationCases: [ContractCase] = [
        ContractCase(name: "pages cover every run once, tokens are checked") { store in
            let exp = try await store.createExperiment(name: "pages")
            var expected: [String] = []
            for i in 0..<23 {
                // Some start times repeat so that the run_id tie-break decides.
                let id = try await store.makeRun(exp, "r\(i)", start: Int64(i / 3))
                try await store.logMetric(runId: id, Metric(key: "m", value: Double(i % 5), timestamp: 1))
                expected.append(id)
            }
            for order in [[], ["metrics.m DESC"], ["params.none"]] {
                var seen: [String] = []
                var token: String?
                var pages = 0
                repeat {
                    let query = try RunQuery(experimentIds: [exp], parsing: nil, maxResults: 7, orderBy: order, pageToken: token)
                    let page = try await store.searchRuns(query)
                    #expect(page.items.count <= 7)
                    seen += page.items.map(\.info.runId)
                    token = page.nextPageToken
                    pages += 1
                } while token != nil
                #expect(pages == 4, "\(order)")
                #expect(seen.count == 23 && Set(seen) == Set(expected), "\(order)")
                let whole = try await store.searchRuns(try RunQuery(experimentIds: [exp], parsing: nil, orderBy: order))
                #expect(whole.items.map(\.info.runId) == seen && whole.nextPageToken == nil, "\(order)")
            }
            let first = try await store.searchRuns(try RunQuery(experimentIds: [exp], parsing: nil, maxResults: 7))
            let token = try #require(first.nextPageToken)
            for tampered in [token + "x", "bm9wZQ==", String(token.dropLast(4)), "!!!!"] {
                await expectError(.invalidParameterValue) {
                    _ = try await store.searchRuns(try RunQuery(experimentIds: [exp], parsing: nil, maxResults: 7, pageToken: tampered))
                }
            }
            // A token from one search is refused by another.
            await expectError(.invalidParameterValue) {
                _ = try await store.searchRuns(try RunQuery(experimentIds: [exp], parsing: "metrics.m > 1", pageToken: token))
            }
            await expectError(.invalidParameterValue, containing: "at most 50000") {
                _ = try RunQuery(experimentIds: [exp], parsing: nil, maxResults: 50001)
            }
        },
    ]

    static let concurrencyCases: [ContractCase] = [
        ContractCase(name: "16 concurrent writers lose nothing") { store in
            let id = try await store.makeRun("0", "busy")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        for step in 0..<25 {
                            try await store.logMetric(
                                runId: id, Metric(key: "w\(writer)", value: Double(step), timestamp: 1, step: Int64(step)))
                        }
                        try await store.logParam(runId: id, key: "p\(writer)", value: "\(writer)")
                        try await store.setTag(runId: id, key: "t\(writer)", value: "\(writer)")
                    }
                }
                try await group.waitForAll()
            }
            let run = try await store.run(id: id)
            #expect(run.data.params.count == 16 && run.data.metrics.count == 16)
            #expect(run.data.tags.count == 17)  // + mlflow.runName
            for writer in 0..<16 {
                #expect(run.data.metrics["w\(writer)"]?.value == 24)
                let history = try await store.metricHistory(runId: id, key: "w\(writer)", maxResults: nil, pageToken: nil)
                #expect(history.items.map(\.step) == Array(0..<25))
            }
        },
    ]
}
