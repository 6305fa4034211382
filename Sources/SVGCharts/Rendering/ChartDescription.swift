/// The chart's text alternative (`<title>` and `<desc>`).
enum ChartDescription {
    static let nameLimit = 100

    static func defaultTitle(_ series: [ChartSeries]) -> String {
        guard !series.isEmpty else { return "Empty chart" }
        return series.map { SVGWriter.truncated($0.name, to: nameLimit) }.joined(separator: ", ")
    }

    /// "Line chart of 2 series, x axis: step 0 to 1000. loss: 1000 points, min 0.01, max 2.3, last 0.05,
    /// 3 non-finite values not drawn. acc: no points."
    static func text(_ series: [PreparedSeries], scales: ChartScales?, options: LineChartOptions) -> String {
        var text = "Line chart of \(series.count) series"
        if let scales {
            text += ", x axis: " + (options.xAxis == .time ? "time " : "step ")
            text += xText(scales.x.low, xAxis: options.xAxis) + " to " + xText(scales.x.high, xAxis: options.xAxis)
        }
        text += "."
        if options.smoothing > 0 { text += " Smoothed with weight " + ChartNumberFormat.value(options.smoothing) + "." }
        for item in series {
            text += " " + SVGWriter.truncated(item.name, to: nameLimit) + ": "
            if let bounds = item.bounds, let last = item.points.last {
                text += "\(item.points.count) point" + (item.points.count == 1 ? "" : "s")
                text += ", min " + ChartNumberFormat.value(bounds.y.lowerBound)
                text += ", max " + ChartNumberFormat.value(bounds.y.upperBound)
                text += ", last " + ChartNumberFormat.value(last.y)
                if item.lineIndices.count < item.points.count {
                    text += ", drawn with \(item.lineIndices.count)"
                }
            } else {
                text += "no points"
            }
            if item.nonFiniteCount > 0 {
                text += ", \(item.nonFiniteCount) non-finite value" + (item.nonFiniteCount == 1 ? "" : "s")
                text += " not drawn"
            }
            text += "."
        }
        return text
    }

    /// A step as a number, a time as "2026-11-27 18:36:51 UTC".
    static func xText(_ x: Double, xAxis: ChartXAxis) -> String {
        if xAxis == .time, let time = UTCDateTime(millisecondsSinceEpoch: x) { return time.dateTime + " UTC" }
        return ChartNumberFormat.step(x)
    }
}
