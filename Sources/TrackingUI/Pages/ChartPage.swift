import SVGCharts
import Tracking

/// `/runs/ID/charts/METRIC.svg`: one metric's chart alone, as `image/svg+xml`.
struct ChartPage {
    let store: any RunStore
    let runId: String
    let metric: String
    let query: QueryParameters

    func render() async throws -> UIResponse {
        let controls = try ChartControls(query)
        let width = try query.integer("width", in: 100...4000, default: 640)
        let height = try query.integer("height", in: 60...3000, default: 320)
        let run = try await store.run(id: runId, orNotFound: "No run with id '\(runId)'.")
        guard run.data.metrics[metric] != nil else {
            throw UIError.notFound("Run '\(runId)' has no metric '\(metric)'.")
        }
        let history = try await store.fullMetricHistory(runId: runId, key: metric)
        var options = LineChartOptions()
        options.width = width
        options.height = height
        options.xAxis = controls.xAxis
        options.smoothing = controls.smoothing
        options.title = "\(metric) — \(RunsPage.displayName(run))"
        let series = ChartSeries(name: RunsPage.displayName(run), history: history, xAxis: controls.xAxis)
        return .svg(LineChart.render([series], options: options))
    }
}
