extension FilterParser {
    mutating func comparison() throws(TrackingError) -> Comparison {
        let keyToken = current
        let key = try key()
        let opToken = current
        let op = try comparisonOperator()
        try check(op, for: key, at: opToken)
        let valueToken = current
        let value: FilterValue
        switch op {
        case .isNull, .isNotNull: value = .none
        case .in, .notIn: value = .list(try list())
        default: value = try scalarValue()
        }
        try check(value, for: key, keyToken: keyToken, at: valueToken)
        return Comparison(key, op, value)
    }

    private mutating func comparisonOperator() throws(TrackingError) -> ComparisonOperator {
        let token = advance()
        if token.kind == .comparator, let op = ComparisonOperator(rawValue: token.text) { return op }
        guard token.kind == .word else { throw invalidClause(at: token) }
        switch token.text.uppercased() {
        case "LIKE": return .like
        case "ILIKE": return .ilike
        case "IN": return .in
        case "NOT" where current.isKeyword("IN"): _ = advance(); return .notIn
        case "IS":
            let negated = current.isKeyword("NOT")
            if negated { _ = advance() }
            guard current.isKeyword("NULL") else { throw invalidClause(at: current) }
            _ = advance()
            return negated ? .isNotNull : .isNull
        default: throw invalidClause(at: token)
        }
    }

    private mutating func scalarValue() throws(TrackingError) -> FilterValue {
        let token = advance()
        switch token.kind {
        case .singleQuoted, .doubleQuoted: return .string(token.text)
        case .number:
            guard let number = Double(token.text) else { throw invalidClause(at: token) }
            return .number(number)
        default: throw invalidClause(at: token)
        }
    }

    private mutating func list() throws(TrackingError) -> [String] {
        let open = advance()
        guard open.kind == .leftParen else { throw invalidClause(at: open) }
        var items: [String] = []
        while true {
            let token = advance()
            switch token.kind {
            case .singleQuoted, .doubleQuoted: items.append(token.text)
            case .rightParen where items.isEmpty:
                throw .invalidParameter(
                    "While parsing a list in the query, expected a non-empty list of string values, but got "
                        + "empty list", column: token.column)
            default:
                throw .invalidParameter(
                    "While parsing a list in the query, expected string value, punctuation, or whitespace, "
                        + "but got '\(token.text)'", column: token.column)
            }
            let separator = advance()
            if separator.kind == .rightParen { return items }
            guard separator.kind == .comma else { throw invalidClause(at: separator) }
        }
    }

    /// The comparators MLflow allows for each kind of key.
    func allowedOperators(for key: SearchKey) -> [ComparisonOperator] {
        let numeric: [ComparisonOperator] = [.greater, .greaterOrEqual, .equal, .notEqual, .lessOrEqual, .less]
        let string: [ComparisonOperator] = [.equal, .notEqual, .like, .ilike]
        switch key.kind {
        case .metric: return numeric
        case .param, .tag: return string + [.isNull, .isNotNull]
        case .attribute:
            if target.numericAttributes.values.contains(key.name) { return numeric }
            return key.name == "run_id" ? string + [.in, .notIn] : string
        }
    }

    private func check(_ op: ComparisonOperator, for key: SearchKey, at token: FilterToken) throws(TrackingError) {
        let allowed = allowedOperators(for: key)
        guard allowed.contains(op) else {
            if op == .in || op == .notIn {
                throw .invalidParameter(
                    "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
                    column: token.column)
            }
            let names = allowed.map(\.rawValue).joined(separator: "', '")
            throw .invalidParameter(
                "Invalid comparator '\(op.rawValue)' not one of '['\(names)']'", column: token.column)
        }
    }

    private func check(_ value: FilterValue, for key: SearchKey, keyToken: FilterToken, at token: FilterToken)
        throws(TrackingError)
    {
        let numeric = key.kind == .metric
            || (key.kind == .attribute && target.numericAttributes.values.contains(key.name))
        switch value {
        case .string(let text) where numeric:
            let what = key.kind == .metric ? "metric" : "attribute"
            throw .invalidParameter("Expected numeric value type for \(what). Found '\(text)'", column: token.column)
        case .number where !numeric:
            let what = key.kind == .attribute ? "attributes" : key.kind.rawValue
            throw .invalidParameter(
                "Expected a quoted string value for \(what) (e.g. 'my-value'). Got value \(token.text)",
                column: token.column)
        default: break
        }
    }
}
