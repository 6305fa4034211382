// A stand-in for SVGCharts (branch ui-charts) with its public API, so the pages build until it
// is merged; deleted at the merge. It draws a bare chart that follows the UI contract.

struct ChartPoint: Sendable, Hashable {
    var x: Double
    var y: Double
    init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

struct ChartSeries: Sendable, Hashable {
    var name: String
    var points: [ChartPoint]
    init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

enum ChartXAxis: Sendable, Hashable { case step, time }

struct LineChartOptions: Sendable, Hashable {
    var width = 640, height = 320
    var xAxis: ChartXAxis = .step
    var smoothing = 0.0
    var maxPointsPerSeries = 1000
    var title = ""
    var compact = false
    init() {}
}

enum LineChart {
    static func render(_ series: [ChartSeries], options: LineChartOptions) -> String {
        let finite = series.flatMap(\.points).filter { $0.y.isFinite && $0.x.isFinite }
        let minX = finite.map(\.x).min() ?? 0, maxX = finite.map(\.x).max() ?? 1
        let minY = finite.map(\.y).min() ?? 0, maxY = finite.map(\.y).max() ?? 1
        let spanX = maxX > minX ? maxX - minX : 1, spanY = maxY > minY ? maxY - minY : 1
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"t d\" width=\"\(options.width)\""
            + " height=\"\(options.height)\" viewBox=\"0 0 \(options.width) \(options.height)\" data-series-count=\"\(series.count)\">"
        svg += "<title id=\"t\">\(escape(options.title))</title><desc id=\"d\">"
        svg += series.map { "\(escape($0.name)): \($0.points.count) points" }.joined(separator: "; ") + "</desc>"
        if !options.compact { svg += "<g class=\"axis x\"></g><g class=\"axis y\"></g>" }
        for one in series {
            let commands = one.points.filter { $0.y.isFinite }.enumerated().map { index, point in
                let x = (point.x - minX) / spanX * Double(options.width)
                let y = Double(options.height) - (point.y - minY) / spanY * Double(options.height)
                return "\(index == 0 ? "M" : "L")\(Int(x)) \(Int(y))"
            }
            svg += "<path class=\"series\" data-series=\"\(escape(one.name))\" fill=\"none\" stroke=\"currentColor\" d=\"\(commands.joined(separator: " "))\"/>"
        }
        if series.count > 1 && !options.compact { svg += "<g class=\"legend\"></g>" }
        return svg + "</svg>"
    }

    private static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing("\"", with: "&quot;")
    }
}
