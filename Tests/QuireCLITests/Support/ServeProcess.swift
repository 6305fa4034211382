import Foundation

/// A `quire serve` child process on a free loopback port, with its stderr in a file.
final class ServeProcess {
    let process = Process()
    let folder: String
    let stderrPath: String
    private(set) var url = ""

    /// Starts `quire serve --port 0` with a store and artifacts in `folder` and waits for its banner.
    init(folder: String, store: String? = nil, extraArguments: [String] = []) throws {
        self.folder = folder
        stderrPath = folder + "/serve-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: QuireRunner.binary)
        process.arguments = ["serve", "--port", "0", "--store", store ?? "sqlite:///\(folder)/runs.db",
                             "--artifacts", folder + "/artifacts"] + extraArguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        url = try waitForBanner()
    }

    var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// The URL from `Tracking server on http://127.0.0.1:PORT — set MLFLOW_TRACKING_URI=…`.
    private func waitForBanner() throws -> String {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let line = log.split(separator: "\n").first(where: { $0.hasPrefix("Tracking server on ") }),
                let url = line.split(separator: " ").dropFirst(3).first
            {
                return String(url)
            }
            guard process.isRunning else { throw ServeFailure(message: "quire serve exited: \(log)") }
            usleep(20_000)
        }
        throw ServeFailure(message: "no banner from quire serve within 30 s: \(log)")
    }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill9() }
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The Python with the official `mlflow` client (`make test-deps` installs mlflow-skinny into
/// `.venv`; `MLFLOW_PYTHON` overrides).
enum MLflowPython {
    static let configured = ProcessInfo.processInfo.environment["MLFLOW_PYTHON"]

    static let path: String? = {
        let candidates = [configured, QuireRunner.repositoryRoot + "/.venv/bin/python"].compactMap { $0 }
        return candidates.first { python in
            FileManager.default.isExecutableFile(atPath: python) && (try? run(python, ["-c", "import mlflow"]).status) == 0
        }
    }()

    static let script = QuireRunner.repositoryRoot + "/Tests/QuireCLITests/Fixtures/mlflow/client_scenario.py"

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs the client script in `mode` against `url`; output and errors together.
    static func client(_ mode: [String], url: String, environment: [String: String] = [:]) throws -> Result {
        var env = ["MLFLOW_TRACKING_URI": url, "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "0", "MLFLOW_HTTP_REQUEST_TIMEOUT": "30",
                   "GIT_PYTHON_REFRESH": "quiet"]
        env.merge(environment) { $1 }
        return try run(try requirePath(), [script] + mode, environment: env)
    }

    static func requirePath() throws -> String {
        guard let path else { throw ServeFailure(message: "no Python with mlflow") }
        return path
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("quire-py-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return Result(status: process.terminationStatus, output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }
}
