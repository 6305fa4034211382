/// A lexical token of a filter or `order_by` string, with its 1-based column
/// (counted in Unicode scalars).
struct FilterToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An unquoted identifier or keyword: `metrics.acc`, `AND`, `status`.
        case word
        /// `` `key` `` — always an identifier.
        case backtickQuoted
        /// `"text"` — an identifier on the left of a comparison, a string on the right.
        case doubleQuoted
        /// `'text'` — a string literal.
        case singleQuoted
        case number
        /// `=`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
        case comparator
        case leftParen, rightParen, comma
        case end
    }

    var kind: Kind
    /// The token's value: quotes removed for quoted kinds.
    var text: String
    var column: Int
    /// The column just after the token, to tell `metrics."a b"` (adjacent) from `metrics. "a b"`.
    var endColumn: Int

    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.uppercased() == keyword
    }
}
