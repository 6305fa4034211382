/// The chart's parts, each written in one pass.
extension SVGWriter {
    mutating func openRoot(identifier: String, options: LineChartOptions, seriesCount: Int) {
        let size = "width=\"\(options.width)\" height=\"\(options.height)\""
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"quire-chart\(options.compact ? " compact" : "")\" ")
        raw(size + " viewBox=\"0 0 \(options.width) \(options.height)\" role=\"img\" ")
        raw("aria-labelledby=\"\(identifier)-title \(identifier)-desc\" data-series-count=\"\(seriesCount)\">")
    }

    /// Horizontal lines at the y ticks, one path.
    mutating func grid(_ scales: ChartScales, layout: ChartLayout) {
        raw("<path class=\"grid\" d=\"")
        for tick in scales.y.ticks {
            raw("M")
            pixel(layout.plotLeft)
            raw(",")
            pixel(scales.y.position(of: tick.value, from: layout.plotBottom, to: layout.plotTop))
            raw("H")
            pixel(layout.plotRight)
        }
        raw("\"/>")
    }

    mutating func axes(_ scales: ChartScales, layout: ChartLayout, xAxis: ChartXAxis) {
        raw("<g class=\"axis y\"><path d=\"M")
        pixel(layout.plotLeft)
        raw(",")
        pixel(layout.plotTop)
        raw("V")
        pixel(layout.plotBottom)
        raw("\"/>")
        for tick in scales.y.ticks {
            raw("<text x=\"")
            pixel(layout.plotLeft - 6)
            raw("\" y=\"")
            pixel(scales.y.position(of: tick.value, from: layout.plotBottom, to: layout.plotTop) + 3.5)
            raw("\">")
            escaped(tick.label)
            raw("</text>")
        }
        raw("</g><g class=\"axis x\"><path d=\"M")
        pixel(layout.plotLeft)
        raw(",")
        pixel(layout.plotBottom)
        raw("H")
        pixel(layout.plotRight)
        for tick in scales.x.ticks {
            raw("M")
            pixel(scales.x.position(of: tick.value, from: layout.plotLeft, to: layout.plotRight))
            raw(",")
            pixel(layout.plotBottom)
            raw("v4")
        }
        raw("\"/>")
        for tick in scales.x.ticks {
            raw("<text x=\"")
            pixel(scales.x.position(of: tick.value, from: layout.plotLeft, to: layout.plotRight))
            raw("\" y=\"")
            pixel(layout.plotBottom + 15)
            raw("\">")
            escaped(tick.label)
            raw("</text>")
        }
        raw("<text class=\"axis-title\" x=\"")
        pixel((layout.plotLeft + layout.plotRight) / 2)
        raw("\" y=\"")
        pixel(layout.height - 5)
        raw("\">")
        let name = xAxis == .time ? "time" : "step"
        escaped(scales.x.caption.isEmpty ? name : name + " (" + scales.x.caption + ")")
        raw("</text></g>")
    }

    mutating func legend(_ names: [String], layout: ChartLayout) {
        raw("<g class=\"legend\">")
        for (index, (name, origin)) in zip(names, layout.legendOrigins).enumerated() {
            raw("<g class=\"" + ChartTheme.seriesClass(index) + "\"><rect x=\"")
            pixel(origin.x)
            raw("\" y=\"")
            pixel(origin.y + 1)
            raw("\" width=\"10\" height=\"10\"/><text x=\"")
            pixel(origin.x + 14)
            raw("\" y=\"")
            pixel(origin.y + 10)
            raw("\">")
            escaped(SVGWriter.truncated(name, to: ChartLayout.legendNameLimit))
            raw("</text></g>")
        }
        raw("</g>")
    }

    /// The series' group: the faint raw line when smoothing, the `path.series` line, the hover markers.
    mutating func series(
        _ series: PreparedSeries,
        index: Int,
        scales: ChartScales?,
        layout: ChartLayout,
        options: LineChartOptions
    ) {
        raw("<g class=\"" + ChartTheme.seriesClass(index) + "\">")
        if let scales, let smoothed = series.smoothedLine {
            raw("<path class=\"raw\" d=\"")
            line(series.lineIndices.map { series.points[$0] }, scales: scales, layout: layout)
            raw("\"/>")
            raw("<path class=\"series\" data-series=\"")
            escaped(series.name)
            raw("\" d=\"")
            let smoothedPoints = zip(series.lineIndices, smoothed).map { ChartPoint(x: series.points[$0].x, y: $1) }
            line(smoothedPoints, scales: scales, layout: layout)
        } else {
            raw("<path class=\"series\" data-series=\"")
            escaped(series.name)
            raw("\" d=\"")
            if let scales { line(series.lineIndices.map { series.points[$0] }, scales: scales, layout: layout) }
        }
        raw("\"/>")
        if let scales, !options.compact, !series.markerPositions.isEmpty {
            markers(series, scales: scales, layout: layout, xAxis: options.xAxis)
        }
        raw("</g>")
    }

    /// Path data; a lone point becomes a zero-length subpath, which the round line cap draws as a dot.
    private mutating func line(_ points: [ChartPoint], scales: ChartScales, layout: ChartLayout) {
        for (offset, point) in points.enumerated() {
            raw(offset == 0 ? "M" : "L")
            pixel(scales.x.position(of: point.x, from: layout.plotLeft, to: layout.plotRight))
            raw(",")
            pixel(scales.y.position(of: point.y, from: layout.plotBottom, to: layout.plotTop))
        }
        if points.count == 1 { raw("Z") }
    }

    private mutating func markers(
        _ series: PreparedSeries,
        scales: ChartScales,
        layout: ChartLayout,
        xAxis: ChartXAxis
    ) {
        let name = SVGWriter.truncated(series.name, to: 40)
        raw("<g class=\"markers\">")
        for position in series.markerPositions {
            let point = series.points[series.lineIndices[position]]
            raw("<circle cx=\"")
            pixel(scales.x.position(of: point.x, from: layout.plotLeft, to: layout.plotRight))
            raw("\" cy=\"")
            pixel(scales.y.position(of: point.y, from: layout.plotBottom, to: layout.plotTop))
            // A lone point has no line to show it: its marker stays visible.
            raw(series.points.count == 1 ? "\" r=\"3\" class=\"lone\"><title>" : "\" r=\"3\"><title>")
            escaped(name)
            raw(xAxis == .time ? "  " : "  step ")
            raw(ChartDescription.xText(point.x, xAxis: xAxis) + ": " + ChartNumberFormat.value(point.y))
            if let smoothed = series.smoothedLine {
                raw(" (smoothed " + ChartNumberFormat.value(smoothed[position]) + ")")
            }
            raw("</title></circle>")
        }
        raw("</g>")
    }

    mutating func message(_ message: String, layout: ChartLayout) {
        raw("<text class=\"message\" x=\"")
        pixel(layout.width / 2)
        raw("\" y=\"")
        pixel(layout.height / 2)
        raw("\">")
        escaped(message)
        raw("</text>")
    }
}
