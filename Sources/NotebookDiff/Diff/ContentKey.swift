import NotebookFormat

/// A JSON value as a dictionary key: equal exactly when the values are equal (`JSONValue`'s
/// equality: key order ignored, numbers by value). Big strings such as base64 images are hashed
/// once and compared for equality, never character by character against similar ones.
struct ContentKey: Hashable {
    let value: JSONValue
    private let hash: Int

    init(_ value: JSONValue) {
        self.value = value
        self.hash = ContentKey.structuralHash(value)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (lhs: ContentKey, rhs: ContentKey) -> Bool {
        lhs.hash == rhs.hash && lhs.value == rhs.value
    }

    static func structuralHash(_ value: JSONValue) -> Int {
        var hasher = Hasher()
        combine(value, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b ? 1 : 2)
        case .number(let n):
            hasher.combine(3)
            hasher.combine(n)
        case .string(let s):
            hasher.combine(4)
            hasher.combine(s)
        case .array(let items):
            hasher.combine(5)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case .object(let object):
            // Key order must not matter: entries hash separately and add up.
            var sum = 0
            for entry in object {
                var entryHasher = Hasher()
                entryHasher.combine(entry.key)
                combine(entry.value, into: &entryHasher)
                sum = sum &+ entryHasher.finalize()
            }
            hasher.combine(6)
            hasher.combine(sum)
        }
    }
}
