import Foundation
import PostgresTestSupport
import Testing

/// The official MLflow client (mlflow-skinny 3.17.2, unchanged) against a live `quire serve`.
/// Skipped, with the reason in the test report, when no Python with mlflow is found; fails when
/// `MLFLOW_PYTHON` is set but cannot import mlflow.
@Suite(.serialized) struct ServeEndToEndTests {
    static let hasClient = MLflowPython.path != nil
    static let missing: Comment = "no Python with mlflow: run `make test-deps` (mlflow-skinny==3.17.2 into .venv) or set MLFLOW_PYTHON"

    @Test func configuredMLflowPythonIsUsable() {
        if let configured = MLflowPython.configured {
            #expect(MLflowPython.path == configured, "MLFLOW_PYTHON=\(configured) cannot import mlflow")
        } else if !Self.hasClient {
            print("SKIPPED MLflow client end-to-end tests: \(Self.missing)")
        }
    }

    @Test(.enabled(if: hasClient, missing))
    func officialClientScenarioWithTokenAuth() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder, extraArguments: ["--auth-token", "team-token"])
        let result = try MLflowPython.client(["scenario"], url: server.url, environment: ["MLFLOW_TRACKING_TOKEN": "team-token"])
        #expect(result.status == 0, "\(result.output)\n--- server log ---\n\(server.log.suffix(3000))")
        let denied = try MLflowPython.client(["auth-denied"], url: server.url, environment: ["MLFLOW_TRACKING_TOKEN": "wrong"])
        #expect(denied.status == 0, "\(denied.output)")
        #expect(server.stop() == 0)
        #expect(server.log.contains("method=POST path=/api/2.0/mlflow/runs/log-metric status=200 duration_ms="))
        #expect(server.log.contains("status=401"))
        #expect(!server.log.contains("status=500"), "\(server.log)")
    }

    /// The same scenario with runs in PostgreSQL (a throwaway cluster of the test process),
    /// two `quire serve` processes sharing the database as a team server would.
    @Test(.enabled(if: hasClient, missing), .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailableReason ?? "")))
    func officialClientScenarioOnPostgresWithTwoServers() async throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try await PostgresTestServer.shared.newDatabase()
        let first = try ServeProcess(folder: folder, store: database)
        let second = try ServeProcess(folder: folder, store: database)
        let result = try MLflowPython.client(["scenario"], url: first.url)
        #expect(result.status == 0, "\(result.output)\n--- server log ---\n\(first.log.suffix(3000))")
        let writers = try MLflowPython.client(["writers", "16", "20"], url: second.url)
        #expect(writers.status == 0, "\(writers.output)\n--- server log ---\n\(second.log.suffix(3000))")
        #expect(first.stop() == 0 && second.stop() == 0)
        #expect(!first.log.contains("status=500") && !second.log.contains("status=500"))
    }

    @Test(.enabled(if: hasClient, missing))
    func sixteenConcurrentWritersLoseNothing() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder, extraArguments: ["--quiet"])
        let result = try MLflowPython.client(["writers", "16", "60"], url: server.url)
        #expect(result.status == 0, "\(result.output)\n--- server log ---\n\(server.log.suffix(3000))")
        #expect(result.output.contains(#""writers": 16"#))
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: hasClient, missing))
    func killNineDuringLoggingLosesNoAcknowledgedWrite() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder, extraArguments: ["--quiet"])
        let runFile = folder + "/run-id", ackFile = folder + "/acks"
        FileManager.default.createFile(atPath: ackFile, contents: nil)
        let flood = Process()
        flood.executableURL = URL(fileURLWithPath: try MLflowPython.requirePath())
        flood.arguments = [MLflowPython.script, "flood", runFile, ackFile]
        flood.environment = ProcessInfo.processInfo.environment.merging(
            ["MLFLOW_TRACKING_URI": server.url, "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "0", "MLFLOW_HTTP_REQUEST_TIMEOUT": "10"]) { $1 }
        flood.standardOutput = FileHandle.nullDevice
        flood.standardError = FileHandle.nullDevice
        try flood.run()
        let deadline = Date().addingTimeInterval(120)
        while Self.lineCount(ackFile) < 300 && Date() < deadline && flood.isRunning { usleep(50_000) }
        server.kill9()
        flood.waitUntilExit()
        #expect(Self.lineCount(ackFile) >= 300, "the client logged too little before the kill")

        let restarted = try ServeProcess(folder: folder, extraArguments: ["--quiet"])
        let result = try MLflowPython.client(["verify", runFile, ackFile], url: restarted.url)
        #expect(result.status == 0, "\(result.output)")
        #expect(restarted.stop() == 0)
    }

    static func lineCount(_ path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }
}
