#if canImport(Glibc)
import Glibc
#endif

/// Shares the storage of long strings that occur in several documents — the same image in
/// the base, local and remote version of a notebook being merged — so that three versions of a
/// 20 MB notebook take little more memory than one. Pass one pool to every `JSONParser.parse`
/// that should share. Not for use from several threads at once.
public final class StringPool {
    /// Strings shorter than this are not worth pooling.
    public static let minimumLength = 512

    private var buckets: [Int: [String]] = [:]

    public init() {}

    /// The pooled string with these UTF-8 bytes, or `make()` added to the pool.
    func intern(_ bytes: UnsafeBufferPointer<UInt8>, make: () -> String) -> String {
        let key = Self.sampledHash(bytes)
        if let candidates = buckets[key] {
            for candidate in candidates where Self.equals(candidate, bytes) { return candidate }
        }
        let string = make()
        buckets[key, default: []].append(string)
        return string
    }

    /// A hash of the length and a few dozen sampled bytes: cheap on megabytes of base64, and
    /// a collision only costs one comparison.
    static func sampledHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes.count)
        let samples = 64
        let step = max(1, bytes.count / samples)
        var i = 0
        while i < bytes.count {
            hasher.combine(bytes[i])
            i += step
        }
        hasher.combine(bytes[bytes.count - 1])
        return hasher.finalize()
    }

    static func equals(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var copy = string
        return copy.withUTF8 { own in
            guard own.count == bytes.count, let left = own.baseAddress, let right = bytes.baseAddress else {
                return own.count == bytes.count
            }
            return memcmp(left, right, bytes.count) == 0
        }
    }
}
