/// A series ready to draw: finite points only, smoothed, and the indices LTTB keeps for the line and the markers.
struct PreparedSeries {
    var name: String
    /// The points with finite x and y, in input order.
    var points: [ChartPoint]
    /// How many input points had a non-finite x or y (not drawn, reported in the text alternative).
    var nonFiniteCount: Int
    /// The smoothed values at `lineIndices` (same count), when smoothing is on.
    var smoothedLine: [Double]?
    /// Indices into `points` drawn as the line.
    var lineIndices: [Int]
    /// Positions in `lineIndices` whose points get a hover marker.
    var markerPositions: [Int]

    init(_ series: ChartSeries, smoothing: Double, budget: PointBudget) {
        // Copies only when something must go: the common all-finite series is shared, not duplicated.
        let isFinite = { (point: ChartPoint) in point.x.isFinite && point.y.isFinite }
        var finite = series.points.allSatisfy(isFinite) ? series.points : series.points.filter(isFinite)
        // The contract says x order; a caller that breaks it gets a sorted line rather than a scribble.
        if !zip(finite, finite.dropFirst()).allSatisfy({ $0.x <= $1.x }) { finite.sort { $0.x < $1.x } }
        let line = Downsampling.largestTriangleThreeBucketsIndices(finite, threshold: budget.linePoints)
        name = series.name
        points = finite
        nonFiniteCount = series.points.count - finite.count
        lineIndices = line
        bounds = Self.bounds(of: finite)
        markerPositions = Downsampling.largestTriangleThreeBucketsIndices(
            line.map { finite[$0] },
            threshold: budget.markers
        )
        smoothedLine = smoothing > 0 ? Smoothing.smoothedValues(finite, weight: smoothing, at: line) : nil
    }

    /// The smallest and largest x and y of `points`, nil when there are none.
    let bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)?

    private static func bounds(of points: [ChartPoint]) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        guard let first = points.first else { return nil }
        var (xLow, xHigh, yLow, yHigh) = (first.x, first.x, first.y, first.y)
        for point in points {
            // Scanned rather than read off the ends: a caller's unordered points must not break the axis.
            xLow = min(xLow, point.x)
            xHigh = max(xHigh, point.x)
            yLow = min(yLow, point.y)
            yHigh = max(yHigh, point.y)
        }
        return (xLow...xHigh, yLow...yHigh)
    }
}

/// How many line points and hover markers each series may draw, so the SVG stays small.
///
/// A line point costs about 11 bytes of path data (twice with smoothing: raw and smoothed lines); a marker about
/// 120 (circle, hover title, name cut to 40 characters). One chart draws at most 4,000 line points and 500 markers,
/// split evenly across its series (at least 50 and 10 each): 10 series of 100,000 points with smoothing come to
/// about 10 × (2 × 400 × 11 + 50 × 120) ≈ 150 KB, one series to about 1,000 × 22 + 500 × 120 ≈ 80 KB.
struct PointBudget {
    var linePoints: Int
    var markers: Int

    static let chartLinePoints = 4000
    static let chartMarkers = 500

    init(seriesCount: Int, maxPointsPerSeries: Int, compact: Bool) {
        let count = max(seriesCount, 1)
        linePoints = min(max(maxPointsPerSeries, 3), max(Self.chartLinePoints / count, 50))
        // LTTB leaves fewer than 3 points alone, so "no markers" is a budget of 0 handled by the renderer.
        markers = compact ? 0 : min(linePoints, max(Self.chartMarkers / count, 10))
    }
}
