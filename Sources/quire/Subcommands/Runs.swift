import ArgumentParser
import Dispatch
import NotebookFormat
import Synchronization
import Tracking

#if canImport(Glibc)
import Glibc
#endif

extension Quire {
    /// `quire runs list | show | compare`: tracked runs in the terminal.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "List, show and compare tracked runs from a store or a tracking server.",
            discussion: """
                Runs come from --server URL (a quire serve or MLflow server), else --store, else \
                MLFLOW_TRACKING_URI, else sqlite:///./mlruns.db. MLFLOW_TRACKING_TOKEN is sent as a bearer token.
                Exit codes: 0 success; 1 unknown run or experiment, or a server error; 64 bad option or filter; \
                69 server unreachable.
                """,
            subcommands: [List.self, Show.self, Compare.self]
        )
    }
}

/// Where `quire runs` reads runs from.
struct RunsSourceOptions: ParsableArguments {
    @Option(help: "Run store: sqlite:///RELATIVE/PATH, sqlite:////ABSOLUTE/PATH, or postgresql://user@host/db.")
    var store: String?

    @Option(help: "A tracking server's URL (quire serve or MLflow), e.g. http://127.0.0.1:5000.")
    var server: String?

    /// What the options and the environment select.
    func location() throws -> RunsLocation {
        let token = Self.environment("MLFLOW_TRACKING_TOKEN")
        if let server { return .server(try HTTPEndpoint(parsing: server), token: token) }
        if let store { return .store(try StoreLocation(parsing: store)) }
        if let uri = Self.environment("MLFLOW_TRACKING_URI"), !uri.isEmpty {
            if uri.hasPrefix("http://") || uri.hasPrefix("https://") {
                return .server(try HTTPEndpoint(parsing: uri), token: token)
            }
            return .store(try StoreLocation(parsing: uri))
        }
        return .store(.sqlite(path: "./mlruns.db"))
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

enum RunsLocation {
    case store(StoreLocation)
    case server(HTTPEndpoint, token: String?)

    func open() async throws -> any RunsSource {
        switch self {
        case .store(let location):
            if case .sqlite(let path) = location, !FileIO.exists(path) {
                throw RunsError("No run store at \(path): pass --store, --server or set MLFLOW_TRACKING_URI.")
            }
            let (store, close) = try await location.open(artifactRoot: "mlflow-artifacts:")
            return LocalRunsSource(store: store, close: close)
        case .server(let endpoint, let token):
            return HTTPRunsSource(client: HTTPClient(endpoint: endpoint, bearerToken: token))
        }
    }
}

/// A failure `quire runs` reports as `Error: …` with its exit code (1 unless told).
struct RunsError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
    var description: String { message }
}

extension Quire.Runs {
    /// Runs `body` against the selected source and waits: `main` is synchronous. Store errors
    /// become messages and exit codes (a missing run exits 1, an unreachable server 69).
    static func execute(
        _ location: RunsLocation, _ body: @escaping @Sendable (any RunsSource) async throws -> Void
    ) throws {
        let failure = Mutex<(any Error)?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                let source = try await location.open()
                do { try await body(source) } catch {
                    await source.close()
                    throw error
                }
                await source.close()
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        guard let error = failure.withLock({ $0 }) else { return }
        switch error {
        case let error as RunsError:
            Console.error("Error: \(error.message)")
            throw ExitCode(error.exitCode)
        case let error as TrackingError:
            Console.error("Error: \(error.message)")
            throw ExitCode(1)
        default:
            throw error
        }
    }

    /// A bad `--filter` or `--order-by` is a usage error (64) naming the column.
    static func validate(filter: String?, orderBy: [String]) throws {
        do {
            _ = try RunQuery(experimentIds: [], parsing: filter, orderBy: orderBy)
        } catch {
            let place = error.column.map { " at column \($0)" } ?? ""
            throw ValidationError("Bad filter or order: \(error.message)\(place)")
        }
    }
}
