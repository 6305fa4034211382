import SVGCharts

/// The chart controls every chart URL shares: `x=step|time` and `smooth=0..0.99`.
struct ChartControls {
    var xAxis: ChartXAxis
    var smoothing: Double

    init(_ query: QueryParameters) throws(UIError) {
        xAxis = try query.choice("x", ["step", "time"], default: "step") == "time" ? .time : .step
        smoothing = try query.number("smooth", in: 0...0.99, default: 0)
    }

    var xName: String { xAxis == .time ? "time" : "step" }
}
