import ArgumentParser
import NotebookFormat
import Tracking
import TrackingServer

extension Quire.Runs {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List runs: id, name, status, start, duration, latest metrics and the params that vary.",
            discussion: """
                Example: quire runs list --experiment demo --filter "metrics.acc > 0.9 OR params.lr = '0.1'" \
                --order-by "metrics.acc DESC"
                """)

        @OptionGroup var source: RunsSourceOptions

        @Option(help: "Experiment name or id (default: every active experiment).")
        var experiment: String?

        @Option(help: "MLflow search filter, with OR and parentheses.")
        var filter: String?

        @Option(name: .customLong("order-by"), help: "Order clause, e.g. \"metrics.acc DESC\" (repeatable).")
        var orderBy: [String] = []

        @Option(help: "Most runs to list.")
        var max: Int = 1000

        @Flag(help: "Print MLflow's JSON ({\"runs\": [...]}).")
        var json = false

        func validate() throws {
            guard max >= 1 else { throw ValidationError("--max must be at least 1.") }
            try Quire.Runs.validate(filter: filter, orderBy: orderBy)
        }

        func run() throws {
            let (experiment, filter, orderBy, max, json) = (experiment, filter, orderBy, max, json)
            try Quire.Runs.execute(try source.location()) { source in
                let ids = try await source.experimentIds(experiment)
                let runs =
                    ids.isEmpty
                    ? [] : try await source.searchRuns(experimentIds: ids, filter: filter, orderBy: orderBy, maxResults: max)
                if json {
                    let value = Wire.object([("runs", .array(runs.map { Wire.run($0) }))])
                    Console.output(JSONWriter(indent: 2, sortKeys: false).string(value))
                } else {
                    Console.output(Self.table(runs).render(width: TextTable.terminalWidth()))
                }
            }
        }

        /// The fixed columns, then every metric's latest value, then the params whose values differ.
        static func table(_ runs: [Run]) -> TextTable {
            let metricKeys = Set(runs.flatMap { $0.data.metrics.keys }).sorted()
            let paramKeys = Set(runs.flatMap { $0.data.params.keys }).sorted().filter { key in
                Set(runs.map { $0.data.params[key] }).count > 1
            }
            let headers = ["run", "name", "status", "start", "duration"] + metricKeys + paramKeys.map { "params.\($0)" }
            let rows = runs.map { run in
                [
                    RunFormatting.shortId(run.info.runId), run.info.runName, run.info.status.rawValue,
                    RunFormatting.time(run.info.startTime), RunFormatting.duration(run.info),
                ]
                    + metricKeys.map { key in run.data.metrics[key].map { RunFormatting.value($0.value) } ?? "" }
                    + paramKeys.map { run.data.params[$0] ?? "" }
            }
            return TextTable(headers: headers, rows: rows, keep: 3)
        }
    }
}
