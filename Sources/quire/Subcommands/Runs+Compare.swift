import ArgumentParser
import NotebookFormat
import Tracking
import TrackingServer

extension Quire.Runs {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare runs: params side by side (only those that differ unless --all), metrics last/min/max.")

        @OptionGroup var source: RunsSourceOptions

        @Argument(help: "Two or more run ids.")
        var runIds: [String]

        @Flag(help: "Show every param, not only those that differ.")
        var all = false

        @Flag(help: "Print JSON: {\"runs\": [...], \"params\": {...}, \"metrics\": {...}}.")
        var json = false

        func validate() throws {
            guard runIds.count >= 2 else { throw ValidationError("Give at least two run ids to compare.") }
        }

        /// A metric's summary in one run.
        struct Summary {
            var last: Double
            var min: Double
            var max: Double
        }

        func run() throws {
            let (runIds, all, json) = (runIds, all, json)
            try Quire.Runs.execute(try source.location()) { source in
                var runs: [Run] = []
                for id in runIds { runs.append(try await source.requireRun(id)) }
                let paramKeys = Set(runs.flatMap { $0.data.params.keys }).sorted().filter { key in
                    all || Set(runs.map { $0.data.params[key] }).count > 1
                }
                let metricKeys = Set(runs.flatMap { $0.data.metrics.keys }).sorted()
                var summaries: [String: [Summary?]] = [:]
                for key in metricKeys {
                    for run in runs {
                        guard let last = run.data.metrics[key] else {
                            summaries[key, default: []].append(nil)
                            continue
                        }
                        let values = try await source.metricHistory(runId: run.info.runId, key: key).map(\.value)
                            .filter { !$0.isNaN }
                        summaries[key, default: []].append(
                            Summary(last: last.value, min: values.min() ?? last.value, max: values.max() ?? last.value))
                    }
                }
                if json {
                    Console.output(Self.json(runs, paramKeys, metricKeys, summaries))
                } else {
                    Console.output(Self.text(runs, paramKeys, metricKeys, summaries, all: all))
                }
            }
        }

        static func text(
            _ runs: [Run], _ paramKeys: [String], _ metricKeys: [String], _ summaries: [String: [Summary?]], all: Bool
        ) -> String {
            let heads = runs.map { run in
                RunFormatting.shortId(run.info.runId) + (run.info.runName.isEmpty ? "" : " " + run.info.runName)
            }
            let width = TextTable.terminalWidth()
            var parts: [String] = []
            if paramKeys.isEmpty {
                parts.append(all ? "No params." : "Params: no differences (--all shows them).")
            } else {
                let rows = paramKeys.map { key in [key] + runs.map { $0.data.params[key] ?? "—" } }
                parts.append(TextTable(headers: ["param"] + heads, rows: rows, keep: 2).render(width: width))
            }
            if !metricKeys.isEmpty {
                var rows: [[String]] = []
                for key in metricKeys {
                    let cells = summaries[key] ?? []
                    rows.append([key, "last"] + cells.map { $0.map { RunFormatting.value($0.last) } ?? "—" })
                    rows.append(["", "min"] + cells.map { $0.map { RunFormatting.value($0.min) } ?? "—" })
                    rows.append(["", "max"] + cells.map { $0.map { RunFormatting.value($0.max) } ?? "—" })
                }
                parts.append(TextTable(headers: ["metric", ""] + heads, rows: rows, keep: 3).render(width: width))
            }
            return parts.joined(separator: "\n\n")
        }

        static func json(
            _ runs: [Run], _ paramKeys: [String], _ metricKeys: [String], _ summaries: [String: [Summary?]]
        ) -> String {
            var params = JSONObject()
            for key in paramKeys { params[key] = .array(runs.map { $0.data.params[key].map(JSONValue.string) ?? .null }) }
            var metrics = JSONObject()
            for key in metricKeys {
                metrics[key] = .array(
                    (summaries[key] ?? []).map { summary in
                        guard let summary else { return .null }
                        return Wire.object([
                            ("last", Wire.double(summary.last)), ("min", Wire.double(summary.min)),
                            ("max", Wire.double(summary.max)),
                        ])
                    })
            }
            let value = Wire.object([
                ("runs", .array(runs.map { .string($0.info.runId) })), ("params", .object(params)),
                ("metrics", .object(metrics)),
            ])
            return JSONWriter(indent: 2, sortKeys: false).string(value)
        }
    }
}
