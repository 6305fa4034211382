import Logging
import PostgresNIO
import Tracking

extension PostgresRunStore {
    /// One direct connection, bounded by `timeout`, runs the migrations and closes. A direct
    /// connection (not the pool, which retries quietly for a minute) reports the real cause:
    /// refused, unknown host, bad password, missing database.
    /// - Returns: the search dialect for this server.
    static func connectAndMigrate(_ url: PostgresURL, timeout: Duration, artifactRoot: String, now: Int64,
                                  logger: Logger) async throws -> PostgresDialect {
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try url.connectionConfiguration(connectTimeout: timeout)
        } catch {
            throw TrackingError(.internalError, "Cannot set up TLS for \(url): \(error)")
        }
        let connection: PostgresConnection
        do {
            connection = try await connect(configuration, timeout: timeout, logger: logger)
        } catch {
            throw connectionError(error, url: url, timeout: timeout)
        }
        // Closed (and awaited) on every path: postgres-nio asserts a connection is closed before it goes away.
        do {
            try await checkEncoding(connection, logger: logger)
            try await PostgresMigrations.migrate(connection, artifactRoot: artifactRoot, now: now, logger: logger)
            let dialect = try await PostgresDialect.detect(connection, logger: logger)
            try? await connection.close().get()
            return dialect
        } catch {
            try? await connection.close().get()
            throw trackingError(error, context: "Migrating the tracking schema in \(url)")
        }
    }

    /// Strings must be UTF-8 for byte-order comparisons to equal the evaluator's.
    private static func checkEncoding(_ connection: PostgresConnection, logger: Logger) async throws {
        for try await encoding in try await connection.query("SHOW server_encoding", logger: logger).decode(String.self)
        where encoding != "UTF8" {
            throw TrackingError(.internalError, "The database's encoding is \(encoding); quire needs a UTF8 database "
                + "(CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)")
        }
    }

    /// A connection, or `DeadlineExceeded` after `timeout`. The timeout covers what the
    /// socket's connect timeout does not: a server that accepts and then never answers.
    private static func connect(_ configuration: PostgresConnection.Configuration, timeout: Duration, logger: Logger)
        async throws -> PostgresConnection
    {
        try await withThrowingTaskGroup(of: PostgresConnection?.self) { group in
            group.addTask { try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            // The loser ends (cancelled); a connection that made it after the deadline is closed.
            while let late = await group.nextResult() {
                if case .success(let extra?) = late { try? await extra.close().get() }
            }
            guard let first else { throw DeadlineExceeded() }
            return first
        }
    }

    struct DeadlineExceeded: Error {}

    private static func connectionError(_ error: any Error, url: PostgresURL, timeout: Duration) -> TrackingError {
        let place = "PostgreSQL at \(url.host):\(url.port)"
        if error is DeadlineExceeded {
            return TrackingError(.temporarilyUnavailable, "Cannot connect to \(place): no answer within \(timeout) (connect timeout)")
        }
        if let error = error as? PSQLError, let message = error.serverInfo?[.message] {
            // The server answered: a refused login or a missing database will not fix itself.
            return TrackingError(.internalError, "\(place) refused the connection to database '\(url.database)' "
                + "as user '\(url.user)': \(message)")
        }
        let cause = (error as? PSQLError)?.underlying.map { "\($0)" } ?? "\(error)"
        return TrackingError(.temporarilyUnavailable, "Cannot connect to \(place): \(cause)")
    }
}
