/// A value bound to a statement parameter.
enum SQLValue: Sendable, Hashable {
    case integer(Int64)
    /// NaN binds as NULL (SQLite has no NaN); callers store a separate `is_nan` flag.
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null
}
