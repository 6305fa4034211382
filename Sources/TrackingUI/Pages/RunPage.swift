import HTMLTemplates
import MarkupEscaping
import SVGCharts
import Tracking

/// `/runs/ID`: a run's overview, params, latest metrics with a small chart each, tags, notes
/// and artifacts (`?path=` opens a folder or previews a file).
struct RunPage {
    let store: any RunStore
    let artifacts: (any ArtifactBrowsing)?
    let runId: String
    let query: QueryParameters

    func render() async throws -> UIResponse {
        let run = try await store.run(id: runId, orNotFound: "No run with id '\(runId)'.")
        let name = RunsPage.displayName(run)
        let experiment = try? await store.experiment(id: run.info.experimentId)
        var fields: [String: TemplateValue] = [
            "runId": .string(run.info.runId),
            "name": .string(name),
            "experimentId": .string(run.info.experimentId),
            "experimentName": .string(experiment?.name ?? run.info.experimentId),
            "experimentURL": .string("/experiments/" + URLEncoding.encode(run.info.experimentId)),
            "overview": .list(try await overview(run)),
            "params": .list(run.data.params.sorted { $0.key < $1.key }.map { .object(["key": .string($0.key), "value": .string($0.value)]) }),
            "metrics": .list(try await metrics(run)),
            "tags": .list(Self.tagRows(run.data.tags.filter { !$0.key.hasPrefix("mlflow.") })),
            "systemTags": .list(Self.tagRows(run.data.tags.filter { $0.key.hasPrefix("mlflow.") })),
        ]
        if let note = run.data.tags[SystemTag.note], !note.isEmpty { fields["note"] = .html(Markdown.html(note)) }
        fields["artifacts"] = try artifactSection(run)
        return WebUI.page("run", title: "\(name) — Quire", fields)
    }

    func overview(_ run: Run) async throws -> [TemplateValue] {
        var items: [(String, TemplateValue)] = [
            ("Status", .string(run.info.status.rawValue)),
            ("Run id", .string(run.info.runId)),
            ("Start", .string(DateFormat.utc(run.info.startTime))),
        ]
        if let end = run.info.endTime {
            items.append(("End", .string(DateFormat.utc(end))))
            items.append(("Duration", .string(DateFormat.duration(end - run.info.startTime))))
        }
        items.append(("User", .string(run.data.tags[SystemTag.user] ?? run.info.userId)))
        if let source = run.data.tags["mlflow.source.name"] { items.append(("Source notebook", .string(source))) }
        if let commit = run.data.tags["mlflow.source.git.commit"] { items.append(("Git commit", .string(commit))) }
        if let branch = run.data.tags["mlflow.source.git.branch"] { items.append(("Git branch", .string(branch))) }
        if let parent = run.parentRunId {
            let parentName = (try? await store.run(id: parent)).map(RunsPage.displayName) ?? parent
            let link = "<a href=\"/runs/\(MarkupEscaping.escape(URLEncoding.encode(parent)))\">\(MarkupEscaping.escape(parentName))</a>"
            items.append(("Parent run", .html(link)))
        }
        return items.map { .object(["label": .string($0.0), "value": $0.1]) }
    }

    func metrics(_ run: Run) async throws -> [TemplateValue] {
        var rows: [TemplateValue] = []
        for (key, latest) in run.data.metrics.sorted(by: { $0.key < $1.key }) {
            let history = try await store.fullMetricHistory(runId: run.info.runId, key: key)
            var options = LineChartOptions()
            options.width = 160
            options.height = 36
            options.compact = true
            options.maxPointsPerSeries = 80
            options.title = "\(key) history"
            let chart = LineChart.render([ChartSeries(name: key, history: history, xAxis: .step)], options: options)
            rows.append(.object([
                "key": .string(key),
                "value": .string(NumberFormat.compact(latest.value)),
                "exact": .string(String(latest.value)),
                "step": .string(String(latest.step)),
                "points": .string(String(history.count)),
                "chart": .html(chart),
                "chartURL": .string(
                    "/runs/\(URLEncoding.encode(run.info.runId))/charts/\(URLEncoding.encode(key)).svg"),
            ]))
        }
        return rows
    }

    static func tagRows(_ tags: [String: String]) -> [TemplateValue] {
        tags.sorted { $0.key < $1.key }.map { .object(["key": .string($0.key), "value": .string($0.value)]) }
    }
}
