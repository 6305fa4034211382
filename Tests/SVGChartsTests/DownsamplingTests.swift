import SVGCharts
import Testing

/// LTTB as in Steinarsson's thesis: endpoints kept, one point per bucket, peaks survive.
struct DownsamplingTests {
    static func line(_ ys: [Double]) -> [ChartPoint] {
        ys.enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }
    }

    /// Ten points into four: buckets 1...4 and 5...8. Worked by hand: in bucket one, against (0, 0) and the next
    /// bucket's average (6.5, -0.75), doubled areas are 7.25, 34, 15.25, 3 → x=2; in bucket two, against (2, 5) and
    /// the last point (9, 0), they are 20, 15, 31, 5 → x=7.
    @Test func picksTheLargestTriangleInEachBucket() {
        let points = Self.line([0, 1, 5, 2, 0, 0, 0, -3, 0, 0])
        let kept = Downsampling.largestTriangleThreeBuckets(points, threshold: 4)
        #expect(kept.map(\.x) == [0, 2, 7, 9])
        #expect(kept.map(\.y) == [0, 5, -3, 0])
    }

    @Test func aSpikeAndADipSurviveOneHundredThousandToFiveHundred() {
        var points = Self.line((0..<100_000).map { Double($0 % 7) * 0.01 })
        points[54_321].y = 100
        points[77_777].y = -50
        let kept = Downsampling.largestTriangleThreeBuckets(points, threshold: 500)
        #expect(kept.count == 500)
        #expect(kept.contains(ChartPoint(x: 54_321, y: 100)))
        #expect(kept.contains(ChartPoint(x: 77_777, y: -50)))
    }

    @Test func aMonotoneLineKeepsItsEndpointsAndOrder() {
        let points = (0..<10_000).map { ChartPoint(x: Double($0) * 2, y: Double($0) * 0.5) }
        let kept = Downsampling.largestTriangleThreeBuckets(points, threshold: 100)
        #expect(kept.count == 100)
        #expect(kept.first == ChartPoint(x: 0, y: 0))
        #expect(kept.last == ChartPoint(x: 19_998, y: 4999.5))
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0.x < $1.x })
    }

    @Test(arguments: [5, 6, 1000])
    func aThresholdAtOrAboveTheCountReturnsTheInput(threshold: Int) {
        let points = Self.line([3, 1, 4, 1, 5])
        #expect(Downsampling.largestTriangleThreeBuckets(points, threshold: threshold) == points)
    }

    @Test(arguments: [-1, 0, 1, 2])
    func aThresholdBelowThreeReturnsTheInput(threshold: Int) {
        let points = Self.line([3, 1, 4, 1, 5])
        #expect(Downsampling.largestTriangleThreeBuckets(points, threshold: threshold) == points)
    }

    @Test func thresholdThreeKeepsTheEndsAndTheExtremeInBetween() {
        let points = Self.line([0, 1, 9, 1, 0])
        #expect(Downsampling.largestTriangleThreeBuckets(points, threshold: 3).map(\.x) == [0, 2, 4])
    }

    @Test func emptyAndTinyInputsPassThrough() {
        #expect(Downsampling.largestTriangleThreeBuckets([], threshold: 10).isEmpty)
        let one = [ChartPoint(x: 1, y: 2)]
        #expect(Downsampling.largestTriangleThreeBuckets(one, threshold: 3) == one)
    }
}
