/// Splits a filter string into tokens. Quoted text may contain its quote doubled (`'it''s'`).
struct FilterLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokens(_ text: String) throws(TrackingError) -> [FilterToken] {
        var lexer = FilterLexer(text)
        var tokens: [FilterToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    mutating func next() throws(TrackingError) -> FilterToken {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return token(.end, "", from: start) }
        let c = scalars[position]
        switch c {
        case "(": position += 1; return token(.leftParen, "(", from: start)
        case ")": position += 1; return token(.rightParen, ")", from: start)
        case ",": position += 1; return token(.comma, ",", from: start)
        case "'": return try quoted(.singleQuoted)
        case "\"": return try quoted(.doubleQuoted)
        case "`": return try quoted(.backtickQuoted)
        case "=", "!", "<", ">": return try comparator()
        default:
            if Validation.isDigit(c) || ((c == "-" || c == "+" || c == ".") && startsNumber(at: position + 1)) {
                return number()
            }
            if isWordScalar(c) {
                while position < scalars.count, isWordScalar(scalars[position]) || scalars[position] == "-" {
                    position += 1
                }
                return token(.word, text(start, position), from: start)
            }
            throw .invalidParameter("Invalid clause(s) in filter string: '\(text(start, scalars.count))'",
                column: start + 1)
        }
    }

    private func token(_ kind: FilterToken.Kind, _ text: String, from start: Int) -> FilterToken {
        FilterToken(kind: kind, text: text, column: start + 1, endColumn: position + 1)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        return String(view)
    }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        Validation.isWordScalar(c) || c == "." || c == ":" || c == "/"
    }

    private func startsNumber(at index: Int) -> Bool {
        index < scalars.count && (Validation.isDigit(scalars[index]) || scalars[index] == ".")
    }

    private mutating func quoted(_ kind: FilterToken.Kind) throws(TrackingError) -> FilterToken {
        let quote = scalars[position]
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let c = scalars[position]
            position += 1
            if c != quote {
                value.append(c)
            } else if position < scalars.count, scalars[position] == quote {
                value.append(quote)
                position += 1
            } else {
                return token(kind, String(value), from: start)
            }
        }
        throw .invalidParameter(
            "Invalid clause(s) in filter string: '\(text(start, scalars.count))' has no closing \(quote)",
            column: start + 1)
    }

    private mutating func comparator() throws(TrackingError) -> FilterToken {
        let start = position
        let first = scalars[position]
        position += 1
        let second: Unicode.Scalar? = position < scalars.count ? scalars[position] : nil
        switch (first, second) {
        case ("!", "="), ("<", "="), (">", "="), ("<", ">"): position += 1
        case ("!", _):
            throw .invalidParameter("Invalid clause(s) in filter string: '\(text(start, scalars.count))'",
                column: start + 1)
        default: break
        }
        let op = text(start, position)
        return token(.comparator, op == "<>" ? "!=" : op, from: start)
    }

    private mutating func number() -> FilterToken {
        let start = position
        if scalars[position] == "-" || scalars[position] == "+" { position += 1 }
        while position < scalars.count, Validation.isDigit(scalars[position]) || scalars[position] == "." {
            position += 1
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var end = position + 1
            if end < scalars.count, scalars[end] == "-" || scalars[end] == "+" { end += 1 }
            if end < scalars.count, Validation.isDigit(scalars[end]) {
                position = end
                while position < scalars.count, Validation.isDigit(scalars[position]) { position += 1 }
            }
        }
        return token(.number, text(start, position), from: start)
    }
}
