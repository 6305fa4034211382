/// How ``LineChart/render(_:options:)`` draws a chart.
public struct LineChartOptions: Sendable, Hashable {
    /// The SVG's width in pixels (also its viewBox); clamped to 16...10000.
    public var width = 640
    /// The SVG's height in pixels (also its viewBox); clamped to 16...10000.
    public var height = 320
    /// Whether x is a step or a time.
    public var xAxis: ChartXAxis = .step
    /// TensorBoard-style debiased EMA weight in 0 ..< 1; 0 draws the raw line only, otherwise the raw line
    /// stays, faint.
    public var smoothing = 0.0
    /// The LTTB threshold per series (lowered when there are many series, to bound the SVG's size).
    public var maxPointsPerSeries = 1000
    /// The chart's `<title>`; when empty, one is made from the series names.
    public var title = ""
    /// A sparkline for a table cell: no axes, legend or markers.
    public var compact = false
    /// The id prefix of the `<title>` and `<desc>` elements; when empty, a hash of the title, series names
    /// and options (several charts share one page, so ids must differ).
    public var identifier = ""

    /// Default options: 640×320, step axis, no smoothing, 1000 points per series.
    public init() {}
}
