import Foundation
import Testing
import Tracking
import TrackingSQLite

/// `quire runs list | show | compare` against a SQLite store seeded directly, and over HTTP.
@Suite struct RunsCommandTests {
    /// Three finished runs in experiment "demo": a (lr 0.1, acc 0.95), b (lr 0.01, acc 0.80),
    /// c (lr 0.1, acc 0.85, nested under a); all share `epochs` = 10.
    struct Seeded {
        var folder: String
        var store: String
        var ids: [String: String]
    }

    static func seed() async throws -> Seeded {
        let folder = try QuireRunner.makeTemporaryFolder()
        let path = folder + "/runs.db"
        let store = try SQLiteRunStore(path: path)
        let experiment = try await store.createExperiment(name: "demo")
        var ids: [String: String] = [:]
        let specs: [(String, String, [Double])] = [("a", "0.1", [0.5, 0.95]), ("b", "0.01", [0.9, 0.8]), ("c", "0.1", [0.7, 0.85])]
        for (index, (name, lr, accs)) in specs.enumerated() {
            var tags: [RunTag] = []
            if name == "c", let parent = ids["a"] { tags.append(RunTag(key: "mlflow.parentRunId", value: parent)) }
            let start = Int64(1_700_000_000_000 + index * 1000)
            let run = try await store.createRun(
                CreateRunRequest(experimentId: experiment, userId: "ann", runName: name, startTime: start, tags: tags))
            ids[name] = run.info.runId
            let metrics = accs.enumerated().map { Metric(key: "acc", value: $1, timestamp: start + Int64($0), step: Int64($0)) }
            try await store.logBatch(
                runId: run.info.runId, metrics: metrics,
                params: [Param(key: "lr", value: lr), Param(key: "epochs", value: "10")], tags: [RunTag(key: "team", value: "ml")])
            _ = try await store.updateRun(id: run.info.runId, status: .finished, endTime: start + 2500, runName: nil)
        }
        return Seeded(folder: folder, store: "sqlite:///" + path, ids: ids)
    }

    static func runs(_ arguments: [String]) throws -> QuireRunner.Result {
        try QuireRunner.run(["runs"] + arguments, environment: ["COLUMNS": "200"])
    }

    static func jsonRuns(_ output: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        return object?["runs"] as? [[String: Any]] ?? []
    }

    static func names(_ runs: [[String: Any]]) -> [String] {
        runs.compactMap { ($0["info"] as? [String: Any])?["run_name"] as? String }
    }

    @Test func listShowsEveryRunWithVaryingParamsOnly() async throws {
        let seeded = try await Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seeded.folder) }
        let result = try Self.runs(["list", "--store", seeded.store, "--experiment", "demo", "--order-by", "metrics.acc DESC"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].contains("acc") && lines[0].contains("params.lr") && !lines[0].contains("epochs"))
        #expect(lines[2].contains(" a ") && lines[3].contains(" c ") && lines[4].contains(" b "))
        #expect(lines[2].contains("FINISHED") && lines[2].contains("2.5s") && lines[2].contains("0.95"))
    }

    @Test func listJSONWithOrFilterAndOrder() async throws {
        let seeded = try await Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seeded.folder) }
        let result = try Self.runs([
            "list", "--store", seeded.store, "--filter", "metrics.acc > 0.9 OR params.lr = '0.01'",
            "--order-by", "attributes.run_name ASC", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.names(try Self.jsonRuns(result.stdout)) == ["a", "b"])
        let limited = try Self.runs(["list", "--store", seeded.store, "--max", "2", "--json", "--order-by", "metrics.acc ASC"])
        #expect(Self.names(try Self.jsonRuns(limited.stdout)) == ["b", "c"])
    }

    @Test func badFilterIsAUsageErrorWithItsColumn() async throws {
        let seeded = try await Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seeded.folder) }
        let result = try Self.runs(["list", "--store", seeded.store, "--filter", "metrics.acc >> 0.9"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("column"), "\(result.stderr)")
    }

    @Test func showPrintsInfoParamsMetricsTagsAndParent() async throws {
        let seeded = try await Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seeded.folder) }
        let id = try #require(seeded.ids["c"])
        let result = try Self.runs(["show", id, "--store", seeded.store])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Run         \(id)"))
        #expect(result.stdout.contains("Parent run  \(seeded.ids["a"] ?? "?")"))
        #expect(result.stdout.contains("lr      0.1") && result.stdout.contains("acc  0.85  (step 1)"))
        #expect(result.stdout.contains("Tags:\n  team  ml") && result.stdout.contains("System tags:\n  mlflow.parentRunId"))
        let json = try Self.runs(["show", id, "--store", seeded.store, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let info = (object?["run"] as? [String: Any])?["info"] as? [String: Any]
        #expect(info?["run_id"] as? String == id)
    }

    @Test func unknownRunExitsOneWithAClearMessage() async throws {
        let seeded = try await Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seeded.folder) }
        let result = try Self.runs(["show", String(repeating: "0", count: 32), "--store", seeded.store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("No run with id '\(String(repeating: "0", count: 32))'"), "\(result.stderr)")
    }

    @Test func compareShowsDifferingParamsAndMetricRanges() async throws {
        let seeded = try await Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seeded.folder) }
        let a = try #require(seeded.ids["a"]), b = try #require(seeded.ids["b"])
        let result = try Self.runs(["compare", a, b, "--store", seeded.store])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("lr ") && !result.stdout.contains("epochs"))
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("acc last 0.95 0.8") && lines.contains("min 0.5 0.8") && lines.contains("max 0.95 0.9"))
        let all = try Self.runs(["compare", a, b, "--all", "--store", seeded.store])
        #expect(all.stdout.contains("epochs"))
        let json = try Self.runs(["compare", a, b, "--json", "--store", seeded.store])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let acc = (object?["metrics"] as? [String: Any])?["acc"] as? [[String: Any]]
        #expect(acc?.first?["min"] as? Double == 0.5)
    }

    @Test func unreachableServerExits69() throws {
        let result = try Self.runs(["list", "--server", "http://127.0.0.1:1"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("Cannot reach the tracking server"), "\(result.stderr)")
    }

    @Test func listOverHTTPMatchesTheStore() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder, extraArguments: ["--quiet"])
        defer { _ = server.stop() }
        let api = server.url + "/api/2.0/mlflow/"
        let created = try RawHTTP.post(api + "experiments/create", json: #"{"name": "web"}"#)
        #expect(created.status == 200, "\(created.body)")
        let experiment = try #require(
            (try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])?["experiment_id"] as? String)
        for (index, (name, acc)) in [("x", 0.3), ("y", 0.9), ("z", 0.6)].enumerated() {
            let run = try RawHTTP.post(
                api + "runs/create",
                json: #"{"experiment_id": "\#(experiment)", "run_name": "\#(name)", "start_time": \#(1_700_000_000_000 + index)}"#)
            let info = (try JSONSerialization.jsonObject(with: Data(run.body.utf8)) as? [String: Any])?["run"] as? [String: Any]
            let id = try #require((info?["info"] as? [String: Any])?["run_id"] as? String, "\(run.body)")
            let logged = try RawHTTP.post(
                api + "runs/log-batch",
                json: #"{"run_id": "\#(id)", "metrics": [{"key": "acc", "value": \#(acc), "timestamp": 1, "step": 0}], "params": [{"key": "k", "value": "\#(name)"}]}"#)
            #expect(logged.status == 200, "\(logged.body)")
        }
        let arguments = ["list", "--experiment", "web", "--order-by", "metrics.acc DESC"]
        let overHTTP = try Self.runs(arguments + ["--server", server.url])
        let direct = try Self.runs(arguments + ["--store", "sqlite:///\(folder)/runs.db"])
        #expect(overHTTP.status == 0 && direct.status == 0, "\(overHTTP.stderr) \(direct.stderr)")
        #expect(overHTTP.stdout == direct.stdout)
        #expect(overHTTP.stdout.split(separator: "\n").count == 5)
        let json = try Self.runs(arguments + ["--server", server.url, "--json", "--filter", "metrics.acc < 0.5 OR params.k = 'y'"])
        #expect(Self.names(try Self.jsonRuns(json.stdout)) == ["y", "x"])
    }

    @Test func trackingURIAndTokenComeFromTheEnvironment() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder, extraArguments: ["--quiet", "--auth-token", "secret"])
        defer { _ = server.stop() }
        let allowed = try QuireRunner.run(
            ["runs", "list", "--json"], environment: ["MLFLOW_TRACKING_URI": server.url, "MLFLOW_TRACKING_TOKEN": "secret"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try Self.jsonRuns(allowed.stdout).isEmpty)
        let refused = try QuireRunner.run(
            ["runs", "list"], environment: ["MLFLOW_TRACKING_URI": server.url, "MLFLOW_TRACKING_TOKEN": "wrong"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused access (HTTP 401)"), "\(refused.stderr)")
    }
}
