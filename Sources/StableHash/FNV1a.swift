/// The 64-bit FNV-1a hash: the same value on every run and platform, unlike `Hasher`, for ids
/// and fingerprints that are written down (cell ids, page tokens, ETags). Not a secret, not
/// collision-resistant against an adversary.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public var value: UInt64 { state }

    public init() {}

    /// Mixes in raw bytes, nothing else.
    @inlinable
    public mutating func combine(bytes: some Sequence<UInt8>) {
        var hash = state
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        state = hash
    }

    /// Mixes in a string's UTF-8 and then a 0xFF separator (never a UTF-8 byte), so ("ab", "c")
    /// and ("a", "bc") hash differently.
    @inlinable
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: $0) }  // a buffer walks faster than the UTF-8 view
        combine(bytes: CollectionOfOne(0xff))
    }

    /// The value as 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
