/// A key such as `metadata.foo.bar`, split once so that cleaning many cells splits nothing.
public struct DottedKey: Sendable {
    /// The whole key, then the key without its first part, and so on: `a.b.c`, `b.c`, `c`.
    let suffixes: [String]
    /// The first part at each level: `a`, `b`, `c`.
    let heads: [String]

    public init(_ key: String) {
        var suffixes = [key]
        var heads: [String] = []
        var rest = Substring(key)
        while let dot = rest.firstIndex(of: ".") {
            heads.append(String(rest[..<dot]))
            rest = rest[rest.index(after: dot)...]
            suffixes.append(String(rest))
        }
        heads.append(String(rest))
        self.suffixes = suffixes
        self.heads = heads
    }
}

extension JSONObject {
    /// nbstripout's `pop_recursive`: removes the key when present as it is (dots and all),
    /// otherwise treats the first dot as nesting and tries again one level down.
    @discardableResult
    public mutating func removeValue(at key: DottedKey, level: Int = 0) -> JSONValue? {
        if let removed = removeValue(forKey: key.suffixes[level]) { return removed }
        guard level + 1 < key.suffixes.count, let i = index(forKey: key.heads[level]),
            case .object(var child) = entries[i].value
        else { return nil }
        guard let removed = child.removeValue(at: key, level: level + 1) else { return nil }
        self[key.heads[level]] = .object(child)
        return removed
    }
}
