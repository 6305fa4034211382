import Testing
import Tracking

/// `attributes.duration`, quire's extension of MLflow's grammar, in the reference evaluator
/// and ordering that every store must agree with.
struct DurationTests {
    static func run(_ name: String, start: Int64, end: Int64?) -> Run {
        Run(info: RunInfo(runId: name, experimentId: "1", runName: name, userId: "u", status: .finished,
                          startTime: start, endTime: end, artifactUri: "a", lifecycleStage: .active))
    }

    @Test func durationIsEndMinusStartAndNilWhileRunning() {
        #expect(Self.run("a", start: 1000, end: 4500).info.duration == 3500)
        #expect(Self.run("b", start: 1000, end: nil).info.duration == nil)
        #expect(Self.run("c", start: 500, end: 200).info.duration == -300)
        // Extreme client-sent times neither overflow nor crash.
        #expect(Self.run("d", start: .min, end: .max).info.duration == Double(Int64.max) - Double(Int64.min))
    }

    @Test func filtersCompareDurationsAndNeverMatchUnfinishedRuns() throws {
        let finished = Self.run("f", start: 1000, end: 1600), open = Self.run("o", start: 1000, end: nil)
        for (text, matchesFinished) in [("duration > 500", true), ("duration = 600", true), ("duration < 600", false),
                                        ("duration != 1", true), ("attributes.duration <= 600", true)] {
            let filter = try #require(try FilterParser.parse(text))
            #expect(filter.matches(finished) == matchesFinished, "\(text)")
            #expect(!filter.matches(open), "\(text)")
        }
    }

    @Test func orderingPutsUnfinishedRunsLastBothWays() throws {
        let runs = [Self.run("open", start: 9, end: nil), Self.run("long", start: 0, end: 900), Self.run("short", start: 5, end: 10)]
        for (clause, expected) in [("duration", ["short", "long", "open"]), ("duration DESC", ["long", "short", "open"])] {
            let ordering = SearchOrdering([try OrderTerm.parse(clause)], tieBreak: OrderTerm.runTieBreak)
            #expect(runs.sorted(by: ordering.areInIncreasingOrder).map(\.info.runName) == expected, "\(clause)")
        }
    }
}
