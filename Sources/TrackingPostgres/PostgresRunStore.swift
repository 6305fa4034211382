import Logging
import PostgresNIO
import Tracking

/// The `RunStore` for a team server: PostgreSQL through postgres-nio's connection pool.
///
/// Several `quire serve` processes may share one database: migrations are serialized by an
/// advisory lock, writes are transactions (a batch is all or nothing), and searches push
/// filters, ordering and pagination down to SQL with bound parameters only, with the same
/// results as the in-memory reference store.
///
///     let store = try await PostgresRunStore(url: "postgresql://quire@db.local/tracking?sslmode=disable")
///     defer { Task { await store.shutdown() } }
///
/// Call ``shutdown()`` when done: it closes the pool's connections.
public final class PostgresRunStore: RunStore {
    /// Settings that are not part of the URL.
    public struct Options: Sendable {
        /// How long to wait for a connection to be established (the URL's `connect_timeout` wins).
        public var connectTimeout: Duration = .seconds(10)
        /// The pool's upper bound on open connections.
        public var maximumConnections = 20
        /// Experiments get `<artifactRoot>/<id>` as artifact location.
        public var artifactRoot = "mlflow-artifacts:"

        public init() {}
    }

    /// Where the store is connected, with the password hidden in its description.
    public let url: PostgresURL
    let client: PostgresClient
    let dialect: PostgresDialect
    let runTask: Task<Void, Never>
    let artifactRoot: String
    let now: @Sendable () -> Int64
    let logger: Logger

    /// Connects, applies missing migrations and starts the connection pool.
    /// - Parameters:
    ///   - url: `postgresql://user[:password]@host[:port]/db[?sslmode=disable]` (see ``PostgresURL``).
    ///   - logger: receives postgres-nio's background messages; silent by default.
    /// - Throws: ``TrackingError``: `INVALID_PARAMETER_VALUE` for a bad URL, `TEMPORARILY_UNAVAILABLE`
    ///   when the server cannot be reached within the connect timeout, `INTERNAL_ERROR` when it
    ///   refuses the login or the migration fails — each naming the server and the cause.
    public init(url text: String, options: Options = Options(), logger: Logger? = nil,
                now: @escaping @Sendable () -> Int64 = TrackingClock.nowMilliseconds) async throws {
        let url = try PostgresURL(text)
        let timeout = url.connectTimeout.map { Duration.seconds($0) } ?? options.connectTimeout
        let logger = logger ?? Logger(label: "quire.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        dialect = try await Self.connectAndMigrate(url, timeout: timeout, artifactRoot: options.artifactRoot, now: now(), logger: logger)
        let client = PostgresClient(
            configuration: url.clientConfiguration(connectTimeout: timeout, maximumConnections: options.maximumConnections),
            backgroundLogger: logger)
        self.url = url
        self.client = client
        self.runTask = Task { await client.run() }
        self.artifactRoot = options.artifactRoot
        self.now = now
        self.logger = logger
    }

    /// Closes the pool; calls made afterwards fail with `TEMPORARILY_UNAVAILABLE`.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    deinit {
        runTask.cancel()
    }

    /// The integer key of an experiment id; a non-numeric id names no experiment.
    static func experimentKey(_ id: String) throws(TrackingError) -> Int64 {
        guard let key = Int64(id), key >= 0 else { throw .experimentNotFound(id: id) }
        return key
    }
}
