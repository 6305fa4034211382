internal import CSQLite

/// One SQLite connection with a cache of prepared statements.
///
/// Not thread-safe by itself: a ``DatabaseQueue`` confines each connection to one serial queue.
final class Database {
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    private var busyTimeoutMilliseconds: Int32

    /// Opens (creating if needed) the database at `path` in WAL mode.
    ///
    /// Durability: with WAL and `synchronous=NORMAL`, a committed transaction is in the WAL file
    /// before `COMMIT` returns, so it survives a crash or `kill -9` of the process; only an
    /// operating-system crash or power loss can lose the last transactions (never corrupt the file).
    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close_v2(db)
            throw SQLiteError(code: status, message: message)
        }
        handle = db
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        // Several processes may write the same file: wait for their locks instead of failing.
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        // The default 2 MB page cache re-reads a 10,000-run experiment's index pages from the OS
        // on every search; 64 MB (filled only as pages are read) keeps them.
        try execute("PRAGMA cache_size = -65536")
        try registerFunctions()
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (several statements allowed).
    func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message)
        }
    }

    /// A prepared statement for `sql`, reused across calls (reset and with bindings cleared).
    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction. Writes use `BEGIN IMMEDIATE`: the write lock is taken up
    /// front (waiting up to the busy timeout), so a transaction never fails half-way because
    /// another process started writing. Reads use a deferred transaction: one consistent
    /// snapshot, never blocking writers in WAL mode.
    func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        defer { resetStatements() }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` waiting up to `milliseconds` for other processes' locks, then the usual time
    /// again (a migration of a big store holds the write lock for seconds).
    func waitingForLocks<T>(upTo milliseconds: Int32, _ body: () throws -> T) rethrows -> T {
        sqlite3_busy_timeout(handle, milliseconds)
        defer { sqlite3_busy_timeout(handle, busyTimeoutMilliseconds) }
        return try body()
    }

    /// Resets every cached statement. A statement left mid-result keeps its read snapshot open,
    /// and a connection with a stale snapshot cannot start writing (`SQLITE_BUSY_SNAPSHOT`).
    func resetStatements() {
        for statement in statements.values { statement.reset() }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid (INTEGER PRIMARY KEY) of the row the last successful INSERT made.
    var lastInsertedRowId: Int64 { sqlite3_last_insert_rowid(handle) }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
