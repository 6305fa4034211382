import Foundation
import Logging
import PostgresNIO
import TrackingPostgres

/// A throwaway PostgreSQL cluster for this test process, started on first use.
///
/// `initdb` into a fresh temporary directory (as the `postgres` user when running as root,
/// since PostgreSQL refuses to run as root), then `postgres` on a free loopback port with its
/// socket in that directory. A small watchdog shell started alongside stops the server
/// (fast shutdown, then SIGKILL) and removes the directory as soon as this test process is
/// gone — however it ends, a failed `#require`, a crash or `kill -9` included — since Swift
/// Testing has no hook that runs after the last test. Each test gets its own database.
///
/// With `QUIRE_TEST_POSTGRES_URL` set (an account that may `CREATE DATABASE`), that server is
/// used instead and nothing is started.
public actor PostgresTestServer {
    public static let shared = PostgresTestServer()

    /// Why the Postgres tests cannot run here, or nil when they can.
    public static let unavailableReason: String? = {
        if ProcessInfo.processInfo.environment["QUIRE_TEST_POSTGRES_URL"] != nil { return nil }
        guard PostgresBinaries.find() != nil else {
            return "PostgreSQL tests SKIPPED: initdb/postgres not found (PATH, /usr/lib/postgresql/*/bin); "
                + "`make test-deps` installs them, or set QUIRE_TEST_POSTGRES_URL"
        }
        if geteuid() == 0, getpwnam("postgres") == nil {
            return "PostgreSQL tests SKIPPED: running as root and there is no 'postgres' user to run the server as"
        }
        return nil
    }()

    public static var isAvailable: Bool { unavailableReason == nil }

    private var started: Task<String, any Error>?
    private var databases = 0

    /// A URL to a new, empty database of its own.
    public func newDatabase() async throws -> String {
        if started == nil { started = Task { try await Self.start() } }
        guard let base = try await started?.value else { throw TestServerError("the test server did not start") }
        databases += 1
        let name = "quire_test_\(getpid())_\(databases)"
        try await Self.withAdminConnection(base) { connection in
            try await connection.query("CREATE DATABASE \(unescaped: name) ENCODING 'UTF8' TEMPLATE template0", logger: Self.logger)
        }
        return base + name
    }

    /// The admin URL without its database name (`postgresql://postgres@127.0.0.1:port/`).
    private static func start() async throws -> String {
        if let url = ProcessInfo.processInfo.environment["QUIRE_TEST_POSTGRES_URL"] {
            return String(url[...(url.lastIndex(of: "/") ?? url.startIndex)])
        }
        guard let binaries = PostgresBinaries.find() else { throw TestServerError(unavailableReason ?? "no PostgreSQL") }
        // initdb takes seconds and waits for its process: off the cooperative threads (two here),
        // which every other test needs meanwhile.
        let cluster = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try TemporaryCluster(binaries: binaries) }) }
        }
        let base = "postgresql://postgres@127.0.0.1:\(cluster.port)/"
        let clock = ContinuousClock(), deadline = clock.now + .seconds(60)
        while true {
            do {
                try await withAdminConnection(base) { _ in }
                return base
            } catch where clock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            } catch {
                throw TestServerError("PostgreSQL did not accept connections within 60 s: \(error)\n\(cluster.logTail())")
            }
        }
    }

    static let logger = Logger(label: "quire.test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private static func withAdminConnection(_ base: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        let url = try PostgresURL(base + "postgres?sslmode=disable")
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = TimeAmount.seconds(5)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            try await body(connection)
            try? await connection.close().get()
        } catch {
            try? await connection.close().get()
            throw error
        }
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
