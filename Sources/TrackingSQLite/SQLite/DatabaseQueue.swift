import Dispatch

/// A connection confined to a serial dispatch queue. Async callers suspend while their
/// closure runs on the queue, so blocking SQLite calls (and busy waits for another process's
/// lock) never block Swift's cooperative thread pool.
final class DatabaseQueue: @unchecked Sendable {
    // Safety: `database` is only touched on `queue`, a serial queue.
    private let database: Database
    private let queue: DispatchQueue

    init(path: String, label: String) throws(SQLiteError) {
        database = try Database(path: path)
        queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the queue in a read transaction (one consistent snapshot).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await perform(immediate: false, body)
    }

    /// Runs `body` on the queue inside a `BEGIN IMMEDIATE` transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await perform(immediate: true, body)
    }

    private func perform<T: Sendable>(immediate: Bool, _ body: @escaping @Sendable (Database) throws -> T)
        async throws -> T
    {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    try self.database.transaction(immediate: immediate) { try body(self.database) }
                })
            }
        }
    }

    /// Runs `body` at once on the caller's thread; only for set-up before the queue is shared.
    func synchronously<T>(_ body: (Database) throws -> T) rethrows -> T {
        try queue.sync { try body(database) }
    }
}
