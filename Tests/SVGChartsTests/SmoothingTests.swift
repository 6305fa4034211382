import SVGCharts
import Testing

/// TensorBoard's debiased EMA, checked against values worked out by hand.
struct SmoothingTests {
    /// Weight 0.5 over 1, 3, 5: last = 0.5, 1.75, 3.375; debiased by 1 - 0.5^n = 0.5, 0.75, 0.875 → 1, 7/3, 27/7.
    @Test func debiasesTheStartOfTheAverage() {
        let points = [1.0, 3, 5].enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }
        let smoothed = Smoothing.exponentialMovingAverage(points, weight: 0.5)
        #expect(smoothed.map(\.x) == [0, 1, 2])
        let expected = [1, 7.0 / 3, 27.0 / 7]
        for (value, wanted) in zip(smoothed.map(\.y), expected) {
            #expect(abs(value - wanted) < 1e-12)
        }
    }

    @Test func weightZeroReturnsTheInput() {
        let points = [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 9)]
        #expect(Smoothing.exponentialMovingAverage(points, weight: 0) == points)
    }

    @Test func aConstantSeriesStaysExactlyConstant() {
        let points = (0..<50).map { ChartPoint(x: Double($0), y: 0.1) }
        #expect(Smoothing.exponentialMovingAverage(points, weight: 0.9) == points)
    }

    /// Non-finite values pass through and do not enter the average: 1, NaN, 3 at weight 0.5 gives 1, NaN, 7/3.
    @Test func nonFiniteValuesPassThroughWithoutPoisoningTheAverage() {
        let points = [1.0, .nan, 3].enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }
        let smoothed = Smoothing.exponentialMovingAverage(points, weight: 0.5)
        #expect(smoothed[0].y == 1)
        #expect(smoothed[1].y.isNaN)
        #expect(abs(smoothed[2].y - 7.0 / 3) < 1e-12)
    }
}
