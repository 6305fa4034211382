internal import CSQLite

/// A failure reported by SQLite, with its (extended) result code.
struct SQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String

    var description: String { "SQLite error \(code): \(message)" }

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`...), without the extended bits.
    var primaryCode: Int32 { code & 0xFF }

    var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
}
