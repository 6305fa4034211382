extension FilterParser {
    /// Reads an identifier: `metrics.acc`, ``tags.`mlflow.runName` ``, `params."a b"`,
    /// `tags.mlflow.runName` (the key is everything after the first dot), or a bare attribute.
    mutating func key(forOrdering: Bool = false) throws(TrackingError) -> SearchKey {
        let token = advance()
        let prefix: String
        var name: String
        switch token.kind {
        case .word:
            guard let dot = token.text.firstIndex(of: ".") else { return try attribute(token.text, at: token, forOrdering) }
            prefix = String(token.text[..<dot])
            name = String(token.text[token.text.index(after: dot)...])
            if name.isEmpty, current.kind == .backtickQuoted || current.kind == .doubleQuoted,
                current.column == token.endColumn
            {
                name = advance().text
            }
        case .backtickQuoted, .doubleQuoted:
            return try attribute(token.text, at: token, forOrdering)
        default:
            throw invalidClause(at: token)
        }
        guard let kind = SearchTarget.kind(forPrefix: prefix), target.allowedKinds.contains(kind) else {
            let valid = target.allowedKinds.map { "'\($0 == .param ? "parameter" : $0.rawValue)'" }
            throw .invalidParameter(
                "Invalid entity type '\(prefix)'. Valid values are [\(valid.joined(separator: ", "))]",
                column: token.column)
        }
        guard !name.isEmpty else { throw invalidClause(at: token) }
        if kind == .attribute { return try attribute(name, at: token, forOrdering) }
        return SearchKey(kind, name)
    }

    private func attribute(_ name: String, at token: FilterToken, _ forOrdering: Bool) throws(TrackingError) -> SearchKey {
        let catalog = forOrdering
            ? target.orderableAttributes
            : target.stringAttributes.merging(target.numericAttributes) { a, _ in a }
        guard let canonical = catalog[name] else {
            let valid = Set(catalog.values).sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw .invalidParameter(
                "Invalid attribute key '\(name)' specified. Valid keys are [\(valid)]", column: token.column)
        }
        return .attribute(canonical)
    }
}
