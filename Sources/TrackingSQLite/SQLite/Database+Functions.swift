internal import CSQLite
import Tracking

extension Database {
    /// Registers `quire_like(value, pattern, case_insensitive)`: the same LIKE/ILIKE matching as
    /// the in-memory evaluator (SQLite's own LIKE ignores ASCII case and knows no ILIKE).
    func registerFunctions() throws(SQLiteError) {
        let status = sqlite3_create_function_v2(
            handle, "quire_like", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, arguments in
                guard let arguments, count == 3,
                    let value = arguments[0].flatMap({ sqlite3_value_text($0) }),
                    let pattern = arguments[1].flatMap({ sqlite3_value_text($0) })
                else {
                    sqlite3_result_null(context)
                    return
                }
                let caseInsensitive = sqlite3_value_int(arguments[2]) != 0
                let matched = LikePattern.matches(
                    String(cString: value), pattern: String(cString: pattern), caseInsensitive: caseInsensitive)
                sqlite3_result_int(context, matched ? 1 : 0)
            }, nil, nil, nil)
        guard status == SQLITE_OK else { throw SQLiteError(code: status, message: lastMessage) }
    }
}
