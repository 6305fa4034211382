import NotebookFormat
/// Who may call the server: a bearer token (the client's `MLFLOW_TRACKING_TOKEN`) and/or users
/// with passwords for basic auth (`MLFLOW_TRACKING_USERNAME` / `MLFLOW_TRACKING_PASSWORD`).
public struct AccessControl: Sendable {
    public var bearerToken: String?
    /// User name → stored password: `plain` or the lowercase hex SHA-256 of the password.
    public var users: [String: StoredPassword]

    public enum StoredPassword: Sendable, Hashable {
        case plain(String)
        case sha256(hex: String)
    }

    public init(bearerToken: String? = nil, users: [String: StoredPassword] = [:]) {
        self.bearerToken = bearerToken
        self.users = users
    }

    public var isEmpty: Bool { bearerToken == nil && users.isEmpty }

    /// Reads a users file: one `user:password` or `user:sha256:<64 hex digits>` per line;
    /// blank lines and lines starting with `#` are skipped.
    /// - Throws: a message naming the line for a line without a colon or a bad hash.
    public static func parseUsers(_ text: String) throws(AccessControlError) -> [String: StoredPassword] {
        var users: [String: StoredPassword] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw AccessControlError(line: index + 1, message: "expected 'user:password' or 'user:sha256:<hex>'")
            }
            let user = String(line[..<colon])
            let secret = String(line[line.index(after: colon)...])
            if secret.hasPrefix("sha256:") {
                let hex = secret.dropFirst("sha256:".count).lowercased()
                guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                    throw AccessControlError(line: index + 1, message: "a sha256 hash has 64 hex digits")
                }
                users[user] = .sha256(hex: hex)
            } else {
                users[user] = .plain(secret)
            }
        }
        return users
    }

    /// Whether an `Authorization` header value grants access.
    func allows(authorization: String?) -> Bool {
        guard let authorization else { return false }
        if let token = bearerToken, authorization.hasPrefix("Bearer ") {
            return Self.constantTimeEqual(Array(authorization.utf8.dropFirst(7)), Array(token.utf8))
        }
        if !users.isEmpty, authorization.hasPrefix("Basic "),
            let decoded = Base64Decoding.decode(authorization.dropFirst(6)),
            let colon = decoded.firstIndex(of: UInt8(ascii: ":"))
        {
            let user = String(decoding: decoded[..<colon], as: UTF8.self)
            let password = String(decoding: decoded[(colon + 1)...], as: UTF8.self)
            switch users[user] {
            case .plain(let stored)?: return Self.constantTimeEqual(Array(password.utf8), Array(stored.utf8))
            case .sha256(let hex)?: return Self.constantTimeEqual(Array(SHA256.hex(Array(password.utf8)).utf8), Array(hex.utf8))
            case nil: return false
            }
        }
        return false
    }

    /// Comparison whose time does not depend on where the first difference is.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A users file line that cannot be read.
public struct AccessControlError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// Standard base64 (with padding), as HTTP basic auth sends it.
enum Base64Decoding {
    static func decode(_ text: Substring) -> [UInt8]? {
        var bits: UInt32 = 0
        var count = 0
        var out: [UInt8] = []
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            bits = bits << 6 | value
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8(truncatingIfNeeded: bits >> UInt32(count)))
            }
        }
        return out
    }
}
