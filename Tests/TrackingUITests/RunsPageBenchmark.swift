import Foundation
import Testing
import Tracking
@testable import TrackingUI

/// The issue's size: 10,000 runs × 20 params × 10 metrics. Opt-in (`QUIRE_UI_BENCH=1`), prints
/// timings; asserts only that the page is complete, since debug builds on a shared machine vary.
@Suite struct RunsPageBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["QUIRE_UI_BENCH"] != nil

    @Test(.enabled(if: enabled, "set QUIRE_UI_BENCH=1 to time the runs page"))
    func runsPageAtTenThousandRuns() async throws {
        let store = InMemoryRunStore()
        let experiment = try await store.createExperiment(name: "big")
        for index in 0..<10_000 {
            let run = try await store.createRun(
                CreateRunRequest(experimentId: experiment, runName: "run-\(index)", startTime: 1_700_000_000_000 + Int64(index)))
            let params = (0..<20).map { Param(key: "p\($0)", value: String(index % (7 + $0))) }
            let metrics = (0..<10).map { Metric(key: "m\($0)", value: Double(index % 97) / 97, timestamp: 1_700_000_000_000) }
            try await store.logBatch(runId: run.info.runId, metrics: metrics, params: params, tags: [])
        }
        let ui = WebUI(store: store, artifacts: nil)
        let clock = ContinuousClock()
        for query in [nil, "order=metrics.m3&dir=desc", "filter=metrics.m1+%3E+0.5&page=3", "per_page=1000"] as [String?] {
            var html = ""
            let elapsed = try await clock.measure {
                html = await ui.respond(path: "/experiments/\(experiment)", query: query).text
            }
            let rows = HTML.count("<tr data-run-id=", in: html)
            print("runs page \(query ?? "(default)"): \(elapsed) for \(rows) rows, \(html.utf8.count) bytes")
            #expect(rows > 0)
        }
        let storeTime = try await clock.measure {
            let query = RunQuery(experimentIds: [experiment], maxResults: 100)
            _ = try await store.searchRuns(query)
            _ = try await store.countRuns(query)
            _ = try await store.runKeys(experimentIds: [experiment], viewType: .activeOnly)
        }
        print("store calls alone (search, count, keys): \(storeTime)")
        let page = try await store.searchRuns(RunQuery(experimentIds: [experiment], maxResults: 100))
        let columns = RunColumn.fixed + RunColumn.defaults(try await store.runKeys(experimentIds: [experiment], viewType: .activeOnly))
            .map { RunColumn(key: $0, label: $0) }
        let rowsTime = clock.measure { _ = RunsPage.rows(page.items, columns: columns) }
        print("table body alone, 100 rows × \(columns.count) columns: \(rowsTime)")
    }
}
