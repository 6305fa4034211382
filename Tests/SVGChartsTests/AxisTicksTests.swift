import SVGCharts
import Testing

/// Nice ticks (1, 2 or 5 × 10^k; 4 to 8 of them) and compact labels, against values worked out by hand.
struct AxisTicksTests {
    static let numericCases: [(low: Double, high: Double, labels: [String])] = [
        (0, 1, ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
        (0.3, 0.7, ["0.3", "0.4", "0.5", "0.6", "0.7"]),
        (0, 100_000, ["0", "20k", "40k", "60k", "80k", "100k"]),
        (0, 3_000_000, ["0", "500k", "1M", "1.5M", "2M", "2.5M", "3M"]),
        (0, 0.0001, ["0", "2e-05", "4e-05", "6e-05", "8e-05", "0.0001"]),
        (0.001, 0.0025, ["0.001", "0.0015", "0.002", "0.0025"]),
        (-1, 1, ["-1", "-0.5", "0", "0.5", "1"]),
        (0.0123, 2.3, ["0", "0.5", "1", "1.5", "2", "2.5"]),
        (0, 7, ["0", "1", "2", "3", "4", "5", "6", "7"]),
        (1200, 1500, ["1.2k", "1.25k", "1.3k", "1.35k", "1.4k", "1.45k", "1.5k"]),
        // Equal ends are padded by 10 %: 4.5...5.5 → steps of 0.2 from 4.4 to 5.6.
        (5, 5, ["4.4", "4.6", "4.8", "5", "5.2", "5.4", "5.6"]),
        (0, 0, ["-1", "-0.5", "0", "0.5", "1"]),
    ]

    @Test(arguments: numericCases)
    func numericTicksAreRoundAndCompact(_ example: (low: Double, high: Double, labels: [String])) {
        let scale = AxisTicks.numeric(low: example.low, high: example.high)
        #expect(scale.ticks.map(\.label) == example.labels)
        #expect((4...8).contains(scale.ticks.count))
        #expect(scale.low <= min(example.low, scale.ticks[0].value))
        #expect(scale.high >= example.high)
    }

    @Test func tickValuesAreTheRoundNumbersTheyShow() {
        let scale = AxisTicks.numeric(low: 0.3, high: 0.7)
        #expect(scale.ticks.map(\.value) == [0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func extremeAndNonFiniteRangesStillGiveFiniteTicks() {
        for (low, high) in [
            (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude), (.nan, 1), (0, .infinity),
            (1e-320, 2e-320), (1e300, 1e300),
        ] {
            let scale = AxisTicks.numeric(low: low, high: high)
            #expect(scale.low.isFinite && scale.high.isFinite && scale.low < scale.high)
            #expect(!scale.ticks.isEmpty)
            #expect(scale.ticks.allSatisfy { $0.value.isFinite && !$0.label.contains("nan") })
        }
    }

    /// 2026-11-27 18:00:00 UTC (`date -u -d '2026-11-27 18:00:00' +%s` = 1795802400).
    static let evening = 1_795_802_400_000.0
    static let minute = 60_000.0

    @Test func halfAnHourGetsFiveMinuteTicks() {
        let scale = AxisTicks.time(lowMilliseconds: Self.evening, highMilliseconds: Self.evening + 30 * Self.minute)
        #expect(scale.ticks.map(\.label) == ["18:00", "18:05", "18:10", "18:15", "18:20", "18:25", "18:30"])
        #expect(scale.ticks.first?.value == Self.evening)
        #expect(scale.caption == "UTC, from 2026-11-27 18:00:00")
    }

    @Test func twentySecondsGetSecondTicks() {
        let scale = AxisTicks.time(lowMilliseconds: Self.evening, highMilliseconds: Self.evening + 20_000)
        #expect(scale.ticks.map(\.label) == ["18:00:00", "18:00:05", "18:00:10", "18:00:15", "18:00:20"])
    }

    /// Three days from midnight: 12-hour steps, midnights labelled with the date.
    @Test func threeDaysGetTwelveHourTicksWithDatesAtMidnight() {
        let midnight = 1_795_737_600_000.0  // 2026-11-27 00:00:00 UTC
        let scale = AxisTicks.time(lowMilliseconds: midnight, highMilliseconds: midnight + 72 * 60 * Self.minute)
        #expect(scale.ticks.map(\.label) == ["11-27", "12:00", "11-28", "12:00", "11-29", "12:00", "11-30"])
    }

    /// Sixty days across New Year: 14-day steps from the epoch (dates checked with GNU date), with years.
    @Test func weeksAcrossNewYearShowTheYear() {
        let scale = AxisTicks.time(lowMilliseconds: 1_796_083_200_000, highMilliseconds: 1_801_267_200_000)
        #expect(scale.ticks.map(\.label) == ["2026-12-03", "2026-12-17", "2026-12-31", "2027-01-14", "2027-01-28"])
    }

    @Test func timesBeyondYear9999FallBackToNumbers() {
        let scale = AxisTicks.time(lowMilliseconds: 0, highMilliseconds: 1e20)
        #expect(scale.ticks.map(\.label).contains("1e+20"))
    }
}
