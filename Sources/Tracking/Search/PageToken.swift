import StableHash

/// Opaque page tokens: base64 of `offset:<n>:<check>`, where the check ties the token to the
/// query it came from. A token that does not decode, has a bad check or another query's check
/// is rejected with `INVALID_PARAMETER_VALUE` (400), never a crash or a silent restart.
public enum PageToken {
    /// The token for the page starting at `offset` of the query identified by `fingerprint`.
    public static func encode(offset: Int, fingerprint: String) -> String {
        Base64.encode(Array("offset:\(offset):\(check(offset, fingerprint))".utf8))
    }

    /// The offset a token points at; 0 for nil or an empty token.
    /// - Throws: ``TrackingError`` `INVALID_PARAMETER_VALUE` for a tampered or foreign token.
    public static func decode(_ token: String?, fingerprint: String) throws(TrackingError) -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard let bytes = Base64.decode(token) else { throw TrackingError.invalidPageToken }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "offset", let offset = Int(parts[1]), offset >= 0,
            parts[2] == check(offset, fingerprint)
        else { throw TrackingError.invalidParameter("Invalid page token: it was altered or belongs to another search") }
        return offset
    }

    /// FNV-1a over the offset and the query: detects edits and reuse across queries, not a secret.
    static func check(_ offset: Int, _ fingerprint: String) -> String {
        var hash = FNV1a()
        hash.combine(bytes: "\(offset)|\(fingerprint)".utf8)
        return String(hash.value, radix: 16)
    }
}
