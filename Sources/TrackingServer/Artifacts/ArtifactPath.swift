import TrackingUI

/// A safe artifact path relative to the artifact root, checked as MLflow's
/// `validate_path_is_safe` does, and a little stricter because the path arrives URL-encoded.
///
/// Rejected with 400: `..` components, absolute paths (`/x`, `C:\x`), backslashes, NUL, `#`,
/// and percent-encoded dots, slashes, backslashes or percents (`%2e%2e`, `%2f`, `%5c`,
/// `%252e`), which a decoding proxy or a second decode could turn into traversal.
struct ArtifactPath: Sendable, Hashable, CustomStringConvertible {
    /// Components without empty or `.` ones; empty for the root.
    var components: [String]

    var description: String { components.joined(separator: "/") }
    var isRoot: Bool { components.isEmpty }

    /// Checks `raw` as sent on the wire (still percent-encoded) and decodes it. In a URL path
    /// an encoded `/` is refused; in a query value (`?path=1%2Frun%2Fartifacts`, how the client
    /// sends listings) it is the normal form-encoding of a separator.
    init(encoded raw: Substring, isQueryValue: Bool = false) throws(APIError) {
        let lowered = raw.lowercased()
        let refused = isQueryValue ? ["%2e", "%5c", "%25", "%00", "%23"] : ["%2e", "%2f", "%5c", "%25", "%00", "%23"]
        for escape in refused where lowered.contains(escape) {
            throw Self.unsafe(String(raw), "percent-encoded '\(escape)' is not allowed")
        }
        guard let decoded = URLEncoding.decode(raw, plusIsSpace: isQueryValue) else {
            throw Self.unsafe(String(raw), "malformed percent-encoding")
        }
        try self.init(decoded: decoded)
    }

    /// Checks an already decoded path.
    init(decoded path: String) throws(APIError) {
        if path.hasPrefix("/") { throw Self.unsafe(path, "absolute paths are not allowed") }
        if path.contains("\\") { throw Self.unsafe(path, "backslashes are not allowed") }
        if path.contains("\0") || path.contains("#") { throw Self.unsafe(path, "NUL and '#' are not allowed") }
        let utf8 = Array(path.utf8)
        if utf8.count >= 2, utf8[1] == UInt8(ascii: ":") { throw Self.unsafe(path, "drive letters are not allowed") }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.contains("..") { throw Self.unsafe(path, "'..' components are not allowed") }
        components = parts.filter { $0 != "." }
    }

    private static func unsafe(_ path: String, _ reason: String) -> APIError {
        .invalidParameter("Invalid artifact path '\(path)': \(reason).")
    }
}
