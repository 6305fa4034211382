import HTMLTemplates
import SVGCharts
import Tracking

/// `/compare?runs=A,B`: 2 to 10 runs side by side — the params that differ (all with `all=1`),
/// last/min/max of each metric, and one overlaid chart per metric.
struct ComparePage {
    let store: any RunStore
    let query: QueryParameters

    func render() async throws -> UIResponse {
        let ids = Self.unique(query.list("runs") ?? [])
        guard (2...10).contains(ids.count) else {
            throw UIError.badRequest("runs: choose 2 to 10 runs to compare (got \(ids.count)).")
        }
        let controls = try ChartControls(query)
        let showAll = try query.choice("all", ["0", "1"], default: "0") == "1"
        var runs: [Run] = []
        for id in ids { runs.append(try await store.run(id: id, orNotFound: "No run with id '\(id)'.")) }
        let names = Self.seriesNames(runs)

        let paramKeys = Set(runs.flatMap(\.data.params.keys)).sorted()
        let shownParams = paramKeys.filter { key in
            showAll || Set(runs.map { $0.data.params[key] }).count > 1
        }
        let metricKeys = Set(runs.flatMap(\.data.metrics.keys)).sorted()
        var summaries: [TemplateValue] = []
        var charts: [TemplateValue] = []
        for key in metricKeys {
            var series: [ChartSeries] = []
            for (run, name) in zip(runs, names) where run.data.metrics[key] != nil {
                let history = try await store.fullMetricHistory(runId: run.info.runId, key: key)
                let values = history.map(\.value).filter { !$0.isNaN }
                summaries.append(.object([
                    "key": .string(key), "runId": .string(run.info.runId), "run": .string(name),
                    "last": .string(run.data.metrics[key].map { NumberFormat.compact($0.value) } ?? ""),
                    "min": .string(values.min().map(NumberFormat.compact) ?? ""),
                    "max": .string(values.max().map(NumberFormat.compact) ?? ""),
                ]))
                series.append(ChartSeries(name: name, history: history, xAxis: controls.xAxis))
            }
            var options = LineChartOptions()
            options.xAxis = controls.xAxis
            options.smoothing = controls.smoothing
            options.title = key
            charts.append(.object([
                "key": .string(key),
                "chart": .html(LineChart.render(series, options: options)),
                "caption": .string("\(key) by \(controls.xName), \(series.count) run\(series.count == 1 ? "" : "s")"),
            ]))
        }

        let runsValue = ids.joined(separator: ",")
        func link(x: String? = nil, smooth: String? = nil, all: Bool? = nil) -> String {
            let showsAll = all ?? showAll
            let smoothing = smooth ?? (controls.smoothing == 0 ? nil : String(controls.smoothing))
            return "/compare?" + URLEncoding.query([
                ("runs", runsValue), ("x", x ?? (controls.xAxis == .time ? "time" : nil)),
                ("smooth", smoothing == "0" ? nil : smoothing), ("all", showsAll ? "1" : nil),
            ])
        }
        let fields: [String: TemplateValue] = [
            "runs": .list(zip(runs, names).map { run, name in
                .object(["id": .string(run.info.runId), "name": .string(name),
                         "url": .string("/runs/" + URLEncoding.encode(run.info.runId))])
            }),
            "params": .list(shownParams.map { key in
                .object(["key": .string(key), "values": .list(runs.map { .object(["value": .string($0.data.params[key] ?? "—"), "missing": .bool($0.data.params[key] == nil)]) })])
            }),
            "hasParams": .bool(!shownParams.isEmpty),
            "hiddenParams": .string(String(paramKeys.count - shownParams.count)),
            "showAll": .bool(showAll),
            "toggleAllURL": .string(link(all: !showAll)),
            "summaries": .list(summaries),
            "charts": .list(charts),
            "runsValue": .string(runsValue),
            "xIsTime": .bool(controls.xAxis == .time),
            "stepURL": .string(link(x: "step")),
            "timeURL": .string(link(x: "time")),
            "smooth": .string(controls.smoothing == 0 ? "0" : String(controls.smoothing)),
            "allValue": .string(showAll ? "1" : ""),
            "x": .string(controls.xName),
        ]
        return WebUI.page("compare", title: "Compare \(runs.count) runs — Quire", fields)
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Run names for legends; a repeated name gets its id's first characters.
    static func seriesNames(_ runs: [Run]) -> [String] {
        let names = runs.map(RunsPage.displayName)
        return zip(runs, names).map { run, name in
            names.filter { $0 == name }.count > 1 ? "\(name) (\(run.info.runId.prefix(6)))" : name
        }
    }
}
