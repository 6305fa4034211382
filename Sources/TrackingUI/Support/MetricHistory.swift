import SVGCharts
import Tracking

extension ChartSeries {
    /// A run's metric as a chart series, x = step or timestamp.
    init(name: String, history: [Metric], xAxis: ChartXAxis) {
        let points = history.map { ChartPoint(x: Double(xAxis == .time ? $0.timestamp : $0.step), y: $0.value) }
        // History comes in step order; by time it may differ.
        self.init(name: name, points: xAxis == .time ? points.sorted { $0.x < $1.x } : points)
    }
}
