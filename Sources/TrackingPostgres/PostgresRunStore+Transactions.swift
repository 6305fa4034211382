import Logging
import PostgresNIO
import Tracking

extension PostgresRunStore {
    /// Runs `body` in a read-write transaction on a pooled connection. A deadlock or
    /// serialization failure (another writer touched the same rows in another order) is retried
    /// a few times with a short back-off before it is reported as `TEMPORARILY_UNAVAILABLE`.
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await transaction("BEGIN", body)
            } catch let error as PSQLError where Self.isRetryable(error) && attempt < 5 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(2 << attempt))
            } catch {
                throw Self.trackingError(error)
            }
        }
    }

    /// Runs `body` in a read-only REPEATABLE READ transaction: all its queries see one snapshot,
    /// so a run is never read half before and half after a concurrent batch.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        } catch {
            throw Self.trackingError(error)
        }
    }

    private func transaction<T: Sendable>(_ begin: PostgresQuery, _ body: (PostgresConnection) async throws -> T)
        async throws -> T
    {
        let logger = logger
        return try await client.withConnection { connection in
            try await connection.query(begin, logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                // A broken connection cannot roll back; the pool drops it, and the server rolls back.
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    static func isRetryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// Maps a failure to MLflow's codes: a client's bad value (data exceptions, class 22 — a
    /// NUL character in a string, say) is `INVALID_PARAMETER_VALUE`; an unreachable, busy or
    /// restarting server `TEMPORARILY_UNAVAILABLE` (503, which the client retries); the rest
    /// `INTERNAL_ERROR` with PostgreSQL's own message and SQLSTATE.
    static func trackingError(_ error: any Error, context: String? = nil) -> TrackingError {
        if let error = error as? TrackingError { return error }
        let prefix = context.map { "\($0): " } ?? ""
        guard let error = error as? PSQLError else {
            // The pool's circuit breaker (`ConnectionPoolError`, from a module not exported):
            // no connection could be made for a while.
            if String(describing: type(of: error)).contains("ConnectionPoolError") {
                return TrackingError(.temporarilyUnavailable, prefix + "PostgreSQL is unreachable: \(error)")
            }
            return TrackingError(.internalError, prefix + String(reflecting: error))
        }
        if let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            if state.hasPrefix("22") { return .invalidParameter("Invalid value: \(message)") }
            if isRetryable(error) || state.hasPrefix("53") || state.hasPrefix("57P") || state.hasPrefix("08") {
                return TrackingError(.temporarilyUnavailable, prefix + "PostgreSQL is busy or restarting, try again: \(message)")
            }
            return TrackingError(.internalError, prefix + "PostgreSQL error \(state): \(message)")
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown, .queryCancelled:
            let cause = error.underlying.map { " (\($0))" } ?? ""
            return TrackingError(.temporarilyUnavailable, prefix + "PostgreSQL is unreachable: \(error.code)\(cause)")
        default:
            return TrackingError(.internalError, prefix + String(reflecting: error))
        }
    }
}
