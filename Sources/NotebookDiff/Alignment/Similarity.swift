/// How alike two texts are, from 0 (nothing shared) to 1 (equal): the Dice coefficient of their
/// character bigrams. Linear in the texts' length, unlike difflib's ratio that nbdime uses, and
/// as forgiving of small edits (`b = 2` and `b = 3` share three of four bigrams).
public enum Similarity {
    /// Texts this short are always similar enough to pair, as in nbdime.
    static let shortText = 10

    public static func ratio(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.count < 2 || y.count < 2 { return x.isEmpty || y.isEmpty ? 0 : 0.5 }
        var counts: [UInt16: Int] = [:]
        for i in 0..<(x.count - 1) { counts[UInt16(x[i]) << 8 | UInt16(x[i + 1]), default: 0] += 1 }
        var shared = 0
        for i in 0..<(y.count - 1) {
            let key = UInt16(y[i]) << 8 | UInt16(y[i + 1])
            if let count = counts[key], count > 0 {
                counts[key] = count - 1
                shared += 1
            }
        }
        return Double(2 * shared) / Double(x.count + y.count - 2)
    }

    /// nbdime's rule of thumb for pairing: empty against non-empty never, short texts always,
    /// otherwise a ratio above `threshold`.
    public static func areSimilar(_ a: String, _ b: String, threshold: Double = 0.5) -> Bool {
        if a.isEmpty != b.isEmpty { return false }
        if a.utf8.count <= shortText && b.utf8.count <= shortText { return true }
        return ratio(a, b) > threshold
    }
}
