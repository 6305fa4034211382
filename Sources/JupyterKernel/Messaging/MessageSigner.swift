import Crypto

/// HMAC-SHA256 over header, parent header, metadata and content, as lowercase hex. An empty key
/// disables signing (the signature frame is then empty).
public struct MessageSigner: Sendable {
    public let key: [UInt8]

    public init(key: [UInt8]) { self.key = key }
    public init(key: String) { self.key = Array(key.utf8) }

    public func signature(_ parts: [[UInt8]]) -> [UInt8] {
        guard !key.isEmpty else { return [] }
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        for part in parts { hmac.update(data: part) }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hmac.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return hex
    }

    /// Compares in constant time, so a timing probe cannot recover the digest.
    public func isValid(_ received: [UInt8], for parts: [[UInt8]]) -> Bool {
        let expected = signature(parts)
        guard expected.count == received.count else { return false }
        return zip(expected, received).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
