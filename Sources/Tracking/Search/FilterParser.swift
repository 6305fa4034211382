/// A recursive-descent parser for MLflow's search filter grammar, extended with `OR` and
/// parentheses:
///
///     filter     := orExpr
///     orExpr     := andExpr ("OR" andExpr)*
///     andExpr    := primary ("AND" primary)*
///     primary    := "(" orExpr ")" | comparison
///     comparison := key (comparator value | "LIKE" string | "ILIKE" string
///                        | "IS" ["NOT"] "NULL" | ["NOT"] "IN" "(" string ("," string)* ")")
///
/// Keywords are case-insensitive. Errors are ``TrackingError``s with code
/// `INVALID_PARAMETER_VALUE`, an MLflow-like message and the column where the problem starts.
public struct FilterParser {
    var tokens: [FilterToken]
    var index = 0
    let target: SearchTarget
    let source: String

    /// Parses a run-search filter; nil for an empty or blank string.
    /// - Throws: ``TrackingError`` (`INVALID_PARAMETER_VALUE`, with `column`).
    public static func parse(_ filter: String, target: SearchTarget = .runs) throws(TrackingError) -> FilterExpression? {
        var parser = FilterParser(tokens: try FilterLexer.tokens(filter), target: target, source: filter)
        if parser.current.kind == .end { return nil }
        let expression = try parser.orExpression()
        guard parser.current.kind == .end else { throw parser.invalidClause(at: parser.current) }
        return expression
    }

    var current: FilterToken { tokens[index] }

    mutating func advance() -> FilterToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func orExpression() throws(TrackingError) -> FilterExpression {
        var operands = [try andExpression()]
        while current.isKeyword("OR") {
            _ = advance()
            operands.append(try andExpression())
        }
        return operands.count == 1 ? operands[0] : .or(operands.flatMap { $0.operands(of: .or) })
    }

    mutating func andExpression() throws(TrackingError) -> FilterExpression {
        var operands = [try primary()]
        while current.isKeyword("AND") {
            _ = advance()
            operands.append(try primary())
        }
        return operands.count == 1 ? operands[0] : .and(operands.flatMap { $0.operands(of: .and) })
    }

    mutating func primary() throws(TrackingError) -> FilterExpression {
        guard current.kind == .leftParen else { return .comparison(try comparison()) }
        let open = advance()
        let inner = try orExpression()
        guard current.kind == .rightParen else {
            throw .invalidParameter(
                "Invalid clause(s) in filter string: '\(rest(from: current))'; expected ')' to close '(' "
                    + "at column \(open.column)",
                column: current.column)
        }
        _ = advance()
        return inner
    }

    /// The source text from `token` to the end, for messages.
    func rest(from token: FilterToken) -> String {
        String(String.UnicodeScalarView(source.unicodeScalars.dropFirst(token.column - 1)))
    }

    func invalidClause(at token: FilterToken) -> TrackingError {
        let text = token.kind == .end ? source : rest(from: token)
        return .invalidParameter("Invalid clause(s) in filter string: '\(text)'", column: token.column)
    }
}

extension FilterExpression {
    enum Junction { case and, or }

    /// This expression's operands if it is a `junction`, else itself — for flattening.
    func operands(of junction: Junction) -> [FilterExpression] {
        switch (self, junction) {
        case (.and(let items), .and), (.or(let items), .or): items
        default: [self]
        }
    }
}
