import ArgumentParser
import Tracking
import TrackingPostgres
import TrackingSQLite

/// Where `quire serve` keeps runs, from `--store`.
enum StoreLocation: Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `sqlite:///relative.db` and `sqlite:////absolute.db` (SQLAlchemy's forms, as MLflow takes
    /// them), `postgresql://…` or `postgres://…`.
    init(parsing text: String) throws {
        if text.hasPrefix("sqlite:///") {
            let path = String(text.dropFirst("sqlite:///".count))
            guard !path.isEmpty else { throw ValidationError("--store \(text): the SQLite URL names no file.") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") {
            self = .postgres(url: text)
        } else {
            throw ValidationError(
                "--store \(text): expected sqlite:///PATH (sqlite:////ABSOLUTE/PATH) or postgresql://user@host/db.")
        }
    }

    /// Opens (and creates or migrates) the store; `close` ends what it holds open (the
    /// PostgreSQL connection pool) once the server has stopped.
    func open(artifactRoot: String) async throws -> (store: any RunStore, close: @Sendable () async -> Void) {
        switch self {
        case .sqlite(let path):
            return (try SQLiteRunStore(path: path, artifactRoot: artifactRoot), {})
        case .postgres(let url):
            var options = PostgresRunStore.Options()
            options.artifactRoot = artifactRoot
            let store = try await PostgresRunStore(url: url, options: options)
            return (store, { await store.shutdown() })
        }
    }
}
