import ArgumentParser
import NotebookFormat
import Tracking
import TrackingServer

extension Quire.Runs {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one run: info, params, latest metrics, tags (mlflow.* grouped) and parent run.")

        @OptionGroup var source: RunsSourceOptions

        @Argument(help: "The run id.")
        var runId: String

        @Flag(help: "Print MLflow's runs/get JSON ({\"run\": {...}}).")
        var json = false

        func run() throws {
            let (runId, json) = (runId, json)
            try Quire.Runs.execute(try source.location()) { source in
                let run = try await source.requireRun(runId)
                if json {
                    Console.output(JSONWriter(indent: 2, sortKeys: false).string(Wire.object([("run", Wire.run(run))])))
                } else {
                    Console.output(Self.text(run))
                }
            }
        }

        static func text(_ run: Run) -> String {
            let info = run.info
            var lines: [String] = []
            var fields: [(String, String)] = [
                ("Run", info.runId), ("Name", info.runName), ("Experiment", info.experimentId),
                ("Status", info.status.rawValue), ("User", info.userId), ("Start", RunFormatting.time(info.startTime)),
                ("End", RunFormatting.time(info.endTime)), ("Duration", RunFormatting.duration(info)),
                ("Artifacts", info.artifactUri),
            ]
            if info.lifecycleStage != .active { fields.append(("Stage", info.lifecycleStage.rawValue)) }
            if let parent = run.parentRunId { fields.append(("Parent run", parent)) }
            lines += aligned(fields)
            let metrics = run.data.metrics.values.sorted { $0.key < $1.key }.map {
                ($0.key, "\(RunFormatting.value($0.value))  (step \($0.step))")
            }
            let tags = run.data.tags.sorted { $0.key < $1.key }
            section("Params", run.data.params.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, into: &lines)
            section("Metrics (latest)", metrics, into: &lines)
            section("Tags", tags.filter { !$0.key.hasPrefix("mlflow.") }.map { ($0.key, $0.value) }, into: &lines)
            section("System tags", tags.filter { $0.key.hasPrefix("mlflow.") }.map { ($0.key, $0.value) }, into: &lines)
            return lines.joined(separator: "\n")
        }

        static func section(_ title: String, _ pairs: [(String, String)], into lines: inout [String]) {
            guard !pairs.isEmpty else { return }
            lines += ["", "\(title):"] + aligned(pairs).map { "  " + $0 }
        }

        static func aligned(_ pairs: [(String, String)]) -> [String] {
            let width = pairs.map(\.0.count).max() ?? 0
            return pairs.map { key, value in
                let oneLine = value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
                return key + String(repeating: " ", count: width - key.count) + "  " + oneLine
            }
        }
    }
}
