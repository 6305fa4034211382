import Tracking

extension PostgresURL {
    static func hostAndPort(_ text: Substring, in url: String) throws(TrackingError) -> (String, Int) {
        var host = text, portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw invalid(url, "an IPv6 host lacks its ']'") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw invalid(url, "unexpected '\(after)' after the host")
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty else { throw invalid(url, "it names no host") }
        guard let portText else { return (String(host), 5432) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw invalid(url, "port '\(portText)' is not a number from 1 to 65535")
        }
        return (String(host), port)
    }

    mutating func parseQuery(_ query: Substring, in url: String) throws(TrackingError) {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]), value = try Self.decoded(parts.count > 1 ? parts[1] : "", in: url)
            switch name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Self.invalid(url, "sslmode '\(value)' is not one of \(modes)")
                }
                sslMode = mode
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw Self.invalid(url, "connect_timeout '\(value)' is not a positive number of seconds")
                }
                connectTimeout = seconds
            case "application_name":
                applicationName = value
            default:
                throw Self.invalid(url, "unknown parameter '\(name)' (known: sslmode, connect_timeout, application_name)")
            }
        }
    }

    /// Percent-decoding as in URLs; a bad escape or invalid UTF-8 is an error.
    static func decoded(_ text: Substring, in url: String) throws(TrackingError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard iterator.count >= 2, let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            else { throw invalid(url, "a bad percent escape (expected %XX)") }
            bytes.append(value)
            iterator = iterator.dropFirst(2)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw invalid(url, "a percent-encoded part is not UTF-8 text")
        }
        return decoded
    }
}
