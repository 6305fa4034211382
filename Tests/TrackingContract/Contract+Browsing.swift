import Testing
import Tracking

/// Runs named by duration for the duration cases: (name, start, end).
private let timedRuns: [(String, Int64, Int64?)] = [
    ("d500", 1000, 1500), ("d100", 2000, 2100), ("d1000", 3000, 4000), ("open4000", 4000, nil), ("open5000", 5000, nil),
]

extension RunStore {
    /// The runs of `timedRuns` in a new experiment; returns its id.
    fileprivate func makeTimedRuns() async throws -> String {
        let exp = try await createExperiment(name: "durations")
        for (name, start, end) in timedRuns {
            let id = try await makeRun(exp, name, start: start)
            if let end { _ = try await updateRun(id: id, status: .finished, endTime: end, runName: nil) }
        }
        return exp
    }

    fileprivate func summary(_ id: String, _ view: ViewType = .activeOnly) async throws -> ExperimentSummary? {
        try await experimentSummaries(viewType: view).first { $0.experiment.experimentId == id }
    }
}

extension RunStoreContract {
    /// Far after any test's real clock, so run times, not experiment updates, are the last activity.
    static let future: Int64 = 4_000_000_000_000

    static let browsingCases: [ContractCase] = [
        ContractCase(name: "browsing: counts equal the length of the full search result") { store in
            let fixture = try await store.makeSearchFixture()
            for (filter, expected) in filterExpectations {
                var query = try RunQuery(experimentIds: [fixture.experimentId], parsing: filter, maxResults: 1)
                #expect(try await store.countRuns(query) == expected.count, "\(filter)")
                query.maxResults = 50000
                #expect(try await store.searchRuns(query).items.count == expected.count, "\(filter)")
            }
            try await store.deleteRun(id: fixture.ids["a"] ?? "")
            _ = try await store.makeRun("0", "in-default")
            let both = [fixture.experimentId, "0", "12345", "not-a-number"]
            #expect(try await store.countRuns(RunQuery(experimentIds: both)) == 5)
            #expect(try await store.countRuns(RunQuery(experimentIds: both, viewType: .all)) == 6)
            #expect(try await store.countRuns(RunQuery(experimentIds: both, viewType: .deletedOnly)) == 1)
            let filtered = try RunQuery(experimentIds: both, parsing: "tags.team = 'vision' OR run_name LIKE 'in-%'",
                                        viewType: .all, pageToken: "ignored")
            #expect(try await store.countRuns(filtered) == 3)
            #expect(try await store.countRuns(RunQuery(experimentIds: ["12345"])) == 0)
            #expect(try await store.countRuns(RunQuery(experimentIds: [])) == 0)
        },
        ContractCase(name: "browsing: experiment summaries count active runs and find the last activity") { store in
            let busy = try await store.createExperiment(name: "busy", artifactLocation: nil, tags: ["team": "vision"])
            let idle = try await store.createExperiment(name: "idle")
            let gone = try await store.createExperiment(name: "gone")
            _ = try await store.makeRun(busy, "started-late", start: future + 50)
            let ended = try await store.makeRun(busy, "ended-latest", start: future)
            _ = try await store.updateRun(id: ended, status: .finished, endTime: future + 90, runName: nil)
            // A deleted run neither counts nor moves the last activity.
            try await store.deleteRun(id: try await store.makeRun(busy, "deleted", start: future + 500))
            _ = try await store.makeRun(gone, "in-gone", start: future + 700)
            try await store.deleteExperiment(id: gone)

            let active = try await store.experimentSummaries(viewType: .activeOnly)
            let searched = try await store.searchExperiments(ExperimentQuery(viewType: .activeOnly)).items
            #expect(active.map(\.experiment) == searched, "the experiments and order of searchExperiments")
            #expect(Set(active.map(\.experiment.experimentId)) == ["0", busy, idle])
            let busySummary = try #require(try await store.summary(busy))
            #expect(busySummary.runCount == 2)
            #expect(busySummary.lastActivity == future + 90)
            #expect(busySummary.experiment.tags == ["team": "vision"] && busySummary.experiment.name == "busy")
            let idleSummary = try #require(try await store.summary(idle))
            #expect(idleSummary.runCount == 0)
            #expect(idleSummary.lastActivity == idleSummary.experiment.lastUpdateTime)

            let deleted = try await store.experimentSummaries(viewType: .deletedOnly)
            #expect(deleted.map(\.experiment.experimentId) == [gone])
            #expect(deleted.first?.runCount == 0, "its runs were deleted with it")
            #expect(deleted.first?.experiment.lifecycleStage == .deleted)
            #expect(Set(try await store.experimentSummaries(viewType: .all).map(\.experiment.experimentId)) == ["0", busy, idle, gone])
            try await store.restoreExperiment(id: gone)
            let restored = try #require(try await store.summary(gone))
            #expect(restored.runCount == 1 && restored.lastActivity == future + 700)
        },
        ContractCase(name: "browsing: run keys across experiments, sorted and distinct") { store in
            let first = try await store.createExperiment(name: "first")
            let second = try await store.createExperiment(name: "second")
            let other = try await store.createExperiment(name: "other")
            func log(_ exp: String, params: [String], metrics: [String], tags: [String]) async throws -> String {
                let id = try await store.makeRun(exp, "r")
                try await store.logBatch(
                    runId: id, metrics: metrics.map { Metric(key: $0, value: .nan, timestamp: 1) },
                    params: params.map { Param(key: $0, value: "v") }, tags: tags.map { RunTag(key: $0, value: "v") })
                return id
            }
            _ = try await log(first, params: ["lr", "batch"], metrics: ["loss"], tags: ["team"])
            _ = try await log(first, params: ["lr", "Z-upper"], metrics: ["acc", "loss"], tags: [])
            _ = try await log(second, params: ["lr", "depth"], metrics: ["f1 score"], tags: ["team", "a.b"])
            try await store.deleteRun(id: try await log(second, params: ["only-deleted"], metrics: ["gone"], tags: ["x"]))
            _ = try await log(other, params: ["elsewhere"], metrics: ["elsewhere"], tags: ["elsewhere"])

            let keys = try await store.runKeys(experimentIds: [second, first, "12345"], viewType: .activeOnly)
            #expect(keys.params == ["Z-upper", "batch", "depth", "lr"])
            #expect(keys.metrics == ["acc", "f1 score", "loss"])
            #expect(keys.tags == ["a.b", "mlflow.runName", "team"])
            let all = try await store.runKeys(experimentIds: [first, second], viewType: .all)
            #expect(all.params == ["Z-upper", "batch", "depth", "lr", "only-deleted"])
            #expect(all.metrics == ["acc", "f1 score", "gone", "loss"])
            #expect(all.tags == ["a.b", "mlflow.runName", "team", "x"])
            let deleted = try await store.runKeys(experimentIds: [second], viewType: .deletedOnly)
            #expect(deleted == RunKeys(params: ["only-deleted"], metrics: ["gone"], tags: ["mlflow.runName", "x"]))
            #expect(try await store.runKeys(experimentIds: ["12345"], viewType: .all) == RunKeys())
            #expect(try await store.runKeys(experimentIds: ["0"], viewType: .all) == RunKeys())
        },
        ContractCase(name: "order_by attributes.duration both ways, unfinished runs last") { store in
            let exp = try await store.makeTimedRuns()
            #expect(try await store.names(exp, orderBy: ["attributes.duration"])
                == ["d100", "d500", "d1000", "open5000", "open4000"])
            #expect(try await store.names(exp, orderBy: ["duration DESC"])
                == ["d1000", "d500", "d100", "open5000", "open4000"])
            #expect(try await store.names(exp, orderBy: ["attributes.duration DESC", "run_name"])
                == ["d1000", "d500", "d100", "open4000", "open5000"])
            // Page by page, the same order.
            var query = try RunQuery(experimentIds: [exp], parsing: nil, maxResults: 2, orderBy: ["attr.duration ASC"])
            var pages: [String] = []
            repeat {
                let page = try await store.searchRuns(query)
                pages += page.items.map(\.info.runName)
                query.pageToken = page.nextPageToken
            } while query.pageToken != nil
            #expect(pages == ["d100", "d500", "d1000", "open5000", "open4000"])
        },
        ContractCase(name: "filter on attributes.duration: numeric comparisons, unfinished runs never match") { store in
            let exp = try await store.makeTimedRuns()
            let expectations: [(String, Set<String>)] = [
                ("attributes.duration > 400", ["d500", "d1000"]),
                ("duration <= 100", ["d100"]),
                ("attributes.duration = 500", ["d500"]),
                ("attributes.duration != 500", ["d100", "d1000"]),
                ("duration >= 0", ["d100", "d500", "d1000"]),
                ("duration < 0", []),
                ("attributes.duration > 200 AND attributes.start_time > 2000", ["d1000"]),
                ("attributes.duration < 200 OR run_name LIKE 'open%'", ["d100", "open4000", "open5000"]),
            ]
            for (filter, expected) in expectations {
                #expect(Set(try await store.names(exp, filter: filter)) == expected, "\(filter)")
                let query = try RunQuery(experimentIds: [exp], parsing: filter)
                #expect(try await store.countRuns(query) == expected.count, "\(filter)")
            }
            await expectError(.invalidParameterValue, containing: "Expected numeric value") {
                _ = try RunQuery(experimentIds: [exp], parsing: "attributes.duration = '5'")
            }
            await expectError(.invalidParameterValue, containing: "Invalid comparator") {
                _ = try RunQuery(experimentIds: [exp], parsing: "attributes.duration LIKE '5%'")
            }
        },
    ]
}
