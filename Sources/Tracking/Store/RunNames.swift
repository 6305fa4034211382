/// Run ids and MLflow-style random run names (`bouncy-smelt-73`).
public enum RunNames {
    private static let adjectives = [
        "able", "bold", "brave", "bright", "calm", "clever", "crisp", "eager", "fast", "gentle", "glad", "keen",
        "lucky", "merry", "nimble", "proud", "quick", "quiet", "rare", "sharp", "shy", "smart", "sunny", "swift",
        "tidy", "vivid", "warm", "wise", "witty", "zesty",
    ]
    private static let nouns = [
        "ant", "bat", "bear", "bee", "carp", "cat", "crow", "deer", "dove", "eel", "elk", "finch", "fox", "frog",
        "goat", "hare", "hawk", "lark", "lynx", "mole", "moth", "newt", "owl", "ram", "seal", "smelt", "swan",
        "toad", "vole", "wren",
    ]

    /// `adjective-noun-NN`.
    public static func random() -> String {
        var rng = SystemRandomNumberGenerator()
        let adjective = adjectives.randomElement(using: &rng) ?? "quick"
        let noun = nouns.randomElement(using: &rng) ?? "fox"
        return "\(adjective)-\(noun)-\(Int.random(in: 0..<1000, using: &rng))"
    }

    /// A new run id: 32 lowercase hex digits from the system's random source, like a uuid4 hex.
    public static func newRunId() -> String {
        var rng = SystemRandomNumberGenerator()
        let high = rng.next() as UInt64, low = rng.next() as UInt64
        let hex = String(high, radix: 16), hex2 = String(low, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + String(repeating: "0", count: 16 - hex2.count) + hex2
    }
}
