import Testing
import Tracking

/// What the web UI's runs page asks a store per view — one page of 100 runs, the count of the
/// whole result and the column keys — for four kinds of view over runs seeded by ``RunSeeding``.
/// Each view's answers are checked against the seeding's own values; the time of each view's
/// queries together is returned for the tests to print.
public enum RunsPageViews {
    public struct Timing: Sendable {
        public var view: String
        /// The median over the repetitions, in milliseconds.
        public var milliseconds: Double
    }

    static let views: [(name: String, filter: String?, orderBy: [String])] = [
        ("order by metrics.m3 DESC", nil, ["metrics.m3 DESC"]),
        ("order by params.p5", nil, ["params.p5"]),
        ("order by attributes.duration", nil, ["attributes.duration"]),
        ("filter metrics.m1 > 0.5 OR params.p2 = 'x'", "metrics.m1 > 0.5 OR params.p2 = 'x'", []),
    ]

    public static func measure(
        _ store: any RunStore, experimentId: String, seeding: RunSeeding, repetitions: Int = 5
    ) async throws -> [Timing] {
        var timings: [Timing] = []
        for view in views {
            let query = try RunQuery(experimentIds: [experimentId], parsing: view.filter, maxResults: 100, orderBy: view.orderBy)
            var times: [Double] = []
            var page: [Run] = [], count = 0, keys = RunKeys()
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                page = try await store.searchRuns(query).items
                count = try await store.countRuns(query)
                keys = try await store.runKeys(experimentIds: [experimentId], viewType: .activeOnly)
                times.append(milliseconds(ContinuousClock.now - start))
            }
            check(view.name, page: page, count: count, keys: keys, seeding: seeding)
            timings.append(Timing(view: view.name, milliseconds: times.sorted()[times.count / 2]))
        }
        return timings
    }

    private static func check(_ view: String, page: [Run], count: Int, keys: RunKeys, seeding: RunSeeding) {
        let runs = 0..<seeding.runs
        let index = { (run: Run) in Int(run.info.runName.dropFirst("run-".count)) ?? -1 }
        #expect(keys.params == (0..<seeding.params).map { "p\($0)" }.sorted(), "\(view)")
        #expect(keys.metrics == (0..<seeding.metrics).map { "m\($0)" }.sorted(), "\(view)")
        #expect(keys.tags == ((0..<seeding.tags).map { "t\($0)" } + [SystemTag.runName]).sorted(), "\(view)")
        #expect(page.count == min(100, count), "\(view)")
        switch view {
        case _ where view.hasPrefix("filter"):
            let matching = runs.filter { RunSeeding.metricValue(run: $0, key: 1) > 0.5 }
            #expect(count == matching.count, "\(view)")
            // The default order, newest first: the highest-numbered matching runs.
            #expect(page.map(index) == Array(matching.reversed().prefix(100)), "\(view)")
        case _ where view.contains("m3"):
            #expect(count == seeding.runs, "\(view)")
            let best = runs.map { RunSeeding.metricValue(run: $0, key: 3) }.max()
            #expect(page.first?.data.metrics["m3"]?.value == best, "\(view)")
        case _ where view.contains("p5"):
            let smallest = runs.map { RunSeeding.paramValue(run: $0, key: 5) }.min()
            #expect(page.first?.data.params["p5"] == smallest && page.last?.data.params["p5"] == smallest, "\(view)")
        default:
            let shortest = runs.compactMap { RunSeeding.duration(run: $0) }.min()
            #expect(page.first.flatMap { run in run.info.endTime.map { $0 - run.info.startTime } } == shortest, "\(view)")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
