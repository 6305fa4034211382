import Tracking

/// A connection URL as libpq writes it: `postgresql://user[:password]@host[:port]/db[?params]`.
///
/// `postgres://` works too; user, password and database may be percent-encoded; an IPv6 host
/// goes in brackets. Query parameters: `sslmode` (`disable`, `allow`, `prefer`, `require`,
/// `verify-ca`, `verify-full`; libpq's default `prefer`), `connect_timeout` (seconds) and
/// `application_name`. Anything else is an error, so a typo never goes unnoticed.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// Seconds, from `connect_timeout`.
    public var connectTimeout: Int?
    public var applicationName: String?

    /// - Throws: ``TrackingError`` `INVALID_PARAMETER_VALUE` naming what is wrong; the message
    ///   never contains the password.
    public init(_ text: String) throws(TrackingError) {
        var rest = Substring(text)
        guard let scheme = ["postgresql://", "postgres://"].first(where: { rest.hasPrefix($0) }) else {
            throw Self.invalid(text, "it must start with postgresql:// or postgres://")
        }
        rest = rest.dropFirst(scheme.count)
        let query = rest.firstIndex(of: "?").map { rest[rest.index(after: $0)...] }
        if let mark = rest.firstIndex(of: "?") { rest = rest[..<mark] }
        guard let slash = rest.firstIndex(of: "/") else { throw Self.invalid(text, "it names no database (/db)") }
        let authority = rest[..<slash]
        database = try Self.decoded(rest[rest.index(after: slash)...], in: text)
        guard !database.isEmpty, !database.contains("/") else { throw Self.invalid(text, "it names no database (/db)") }
        guard let at = authority.lastIndex(of: "@") else { throw Self.invalid(text, "it names no user (user@host)") }
        let credentials = authority[..<at]
        let colon = credentials.firstIndex(of: ":")
        user = try Self.decoded(credentials[..<(colon ?? credentials.endIndex)], in: text)
        password = try colon.map { c throws(TrackingError) in try Self.decoded(credentials[credentials.index(after: c)...], in: text) }
        guard !user.isEmpty else { throw Self.invalid(text, "it names no user (user@host)") }
        (host, port) = try Self.hostAndPort(authority[authority.index(after: at)...], in: text)
        sslMode = .prefer
        try parseQuery(query ?? "", in: text)
    }

    /// The URL with the password replaced by `***`, for messages and logs.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)\(secret)@\(shownHost):\(port)/\(database)"
    }

    static func invalid(_ text: String, _ reason: String) -> TrackingError {
        .invalidParameter("Invalid PostgreSQL URL '\(redacted(text))': \(reason)")
    }

    /// `text` with anything between `user:` and `@` hidden.
    static func redacted(_ text: String) -> String {
        let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let at = parts[1].lastIndex(of: "@"),
            let colon = parts[1][..<at].firstIndex(of: ":")
        else { return text }
        return parts[0] + "://" + parts[1][..<colon] + ":***" + parts[1][at...]
    }
}
