import Tracking

/// The embedded default `RunStore`: one SQLite file in WAL mode.
///
/// Each instance owns one connection on its own serial queue (see `DatabaseQueue`); writes
/// are `BEGIN IMMEDIATE` transactions with a busy timeout, so several instances — in one
/// process or several `quire serve` processes — can write the same file. Searches push
/// filters, ordering and pagination down to SQL with bound parameters only.
public final class SQLiteRunStore: RunStore {
    let queue: DatabaseQueue
    let artifactRoot: String
    let now: @Sendable () -> Int64

    /// Opens or creates the store at `path` and applies missing migrations.
    /// - Parameters:
    ///   - path: a file path (`:memory:` works for a single-instance test store).
    ///   - artifactRoot: experiments get `<artifactRoot>/<id>` as artifact location.
    /// - Throws: ``TrackingError`` `INTERNAL_ERROR` if the file cannot be opened or migrated.
    public init(path: String, artifactRoot: String = "mlflow-artifacts:",
                now: @escaping @Sendable () -> Int64 = TrackingClock.nowMilliseconds) throws {
        self.artifactRoot = artifactRoot
        self.now = now
        do {
            queue = try DatabaseQueue(path: path, label: "quire.sqlite.\(path)")
            try queue.synchronously { db in try Migrations.migrate(db, artifactRoot: artifactRoot, now: now()) }
        } catch {
            throw Self.trackingError(error)
        }
    }

    /// Runs `body` in a write transaction, mapping SQLite failures to ``TrackingError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await queue.write(body) } catch { throw Self.trackingError(error) }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await queue.read(body) } catch { throw Self.trackingError(error) }
    }

    /// A lock held too long by another process is `TEMPORARILY_UNAVAILABLE` (503, retried by
    /// the client); anything else unexpected is `INTERNAL_ERROR`.
    static func trackingError(_ error: any Error) -> TrackingError {
        if let error = error as? TrackingError { return error }
        if let error = error as? SQLiteError, error.isBusy {
            return TrackingError(.temporarilyUnavailable, "The database is busy, try again: \(error.message)")
        }
        return TrackingError(.internalError, "\(error)")
    }

    /// The integer key of an experiment id; a non-numeric id names no experiment.
    static func experimentKey(_ id: String) throws(TrackingError) -> Int64 {
        guard let key = Int64(id), key >= 0 else { throw .experimentNotFound(id: id) }
        return key
    }
}
