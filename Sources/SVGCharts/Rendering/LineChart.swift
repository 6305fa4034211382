/// Server-rendered SVG line charts.
public enum LineChart {
    /// Renders `series` as one self-contained SVG document.
    ///
    /// Each series is drawn as one `<path class="series" data-series="NAME">` (LTTB-downsampled), with hover markers
    /// (`<circle>` holding a `<title>`), axes with nice ticks, and a legend when there are two or more series. The
    /// root has `role="img"`, `aria-labelledby` naming its `<title>` and `<desc>` (per series: name, point count,
    /// min, max, last) and `data-series-count`. Empty or degenerate input still gives a valid SVG with a message.
    /// - Parameters:
    ///   - series: The lines, each with its points in x order; non-finite values are skipped and counted.
    ///   - options: Size, x axis, smoothing, downsampling threshold, title, compact (sparkline) mode.
    /// - Returns: The SVG text.
    public static func render(_ series: [ChartSeries], options: LineChartOptions) -> String {
        var options = options
        options.width = min(max(options.width, 16), 10_000)
        options.height = min(max(options.height, 16), 10_000)
        options.smoothing = options.smoothing.isFinite ? min(max(options.smoothing, 0), 0.999) : 0

        let budget = PointBudget(
            seriesCount: series.count,
            maxPointsPerSeries: options.maxPointsPerSeries,
            compact: options.compact
        )
        let prepared = series.map { PreparedSeries($0, smoothing: options.smoothing, budget: budget) }
        let scales = ChartScales(prepared, xAxis: options.xAxis)
        let layout = ChartLayout(
            width: options.width,
            height: options.height,
            compact: options.compact,
            yLabels: scales?.y.ticks.map(\.label) ?? [],
            legendNames: options.compact ? [] : series.map(\.name)
        )
        let identifier = ChartIdentifier.make(series: series, options: options)

        let drawnPoints = prepared.reduce(0) { $0 + $1.lineIndices.count * (options.smoothing > 0 ? 2 : 1) }
        let markerCount = options.compact ? 0 : prepared.reduce(0) { $0 + $1.markerPositions.count }
        var svg = SVGWriter(capacity: 4096 + drawnPoints * 14 + markerCount * 140)
        svg.openRoot(identifier: identifier, options: options, seriesCount: series.count)
        svg.raw("<title id=\"\(identifier)-title\">")
        svg.escaped(options.title.isEmpty ? ChartDescription.defaultTitle(series) : options.title)
        svg.raw("</title><desc id=\"\(identifier)-desc\">")
        svg.escaped(ChartDescription.text(prepared, scales: scales, options: options))
        svg.raw("</desc><style>" + ChartTheme.stylesheet + "</style>")
        if let scales, !options.compact {
            svg.grid(scales, layout: layout)
            svg.axes(scales, layout: layout, xAxis: options.xAxis)
        }
        if !options.compact, series.count >= 2 {
            svg.legend(series.map(\.name), layout: layout)
        }
        for (index, item) in prepared.enumerated() {
            svg.series(item, index: index, scales: scales, layout: layout, options: options)
        }
        if scales == nil {
            svg.message(series.isEmpty ? "No series" : "No data", layout: layout)
        }
        svg.raw("</svg>\n")
        return svg.text
    }
}

/// The x and y scales of a chart with at least one finite point.
struct ChartScales {
    var x: AxisScale
    var y: AxisScale

    init?(_ series: [PreparedSeries], xAxis: ChartXAxis) {
        var xRange: ClosedRange<Double>?
        var yRange: ClosedRange<Double>?
        for item in series {
            guard let bounds = item.bounds else { continue }
            xRange = xRange.map { min($0.lowerBound, bounds.x.lowerBound)...max($0.upperBound, bounds.x.upperBound) }
                ?? bounds.x
            yRange = yRange.map { min($0.lowerBound, bounds.y.lowerBound)...max($0.upperBound, bounds.y.upperBound) }
                ?? bounds.y
        }
        guard let xRange, let yRange else { return nil }
        x = xAxis == .time
            ? AxisTicks.time(lowMilliseconds: xRange.lowerBound, highMilliseconds: xRange.upperBound)
            : AxisTicks.numeric(low: xRange.lowerBound, high: xRange.upperBound)
        y = AxisTicks.numeric(low: yRange.lowerBound, high: yRange.upperBound)
    }
}
