/// A JSON object that keeps its keys in the order they were read or inserted.
///
/// Notebook objects are small, so lookups scan; a duplicate key keeps its first position and
/// takes the last value, as Python's `dict` does when `json.loads` meets it.
public struct JSONObject: Sendable, Equatable, Sequence {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var entries: [Entry]

    public init() { entries = [] }

    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        entries = []
        for (key, value) in pairs { self[key] = value }
    }

    init(uniqueEntries: [Entry]) { entries = uniqueEntries }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    public func index(forKey key: String) -> Int? {
        entries.firstIndex { $0.key == key }
    }

    public func contains(_ key: String) -> Bool { index(forKey: key) != nil }

    public subscript(key: String) -> JSONValue? {
        get { index(forKey: key).map { entries[$0].value } }
        set {
            if let i = index(forKey: key) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let i = index(forKey: key) else { return nil }
        return entries.remove(at: i).value
    }

    /// Applies `transform` to the value under `key`, if present.
    public mutating func modify(_ key: String, _ transform: (inout JSONValue) throws -> Void) rethrows {
        guard let i = index(forKey: key) else { return }
        try transform(&entries[i].value)
    }

    /// Equality ignores key order, as Python's `dict` equality does.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Same order (the usual case) compares pairwise; otherwise look keys up, through a
        // dictionary when the object is big (widget state can hold thousands of keys).
        if zip(lhs.entries, rhs.entries).allSatisfy({ $0.key == $1.key }) {
            return zip(lhs.entries, rhs.entries).allSatisfy { $0.value == $1.value }
        }
        if lhs.count <= 16 {
            return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
        }
        let values = Dictionary(rhs.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return lhs.entries.allSatisfy { values[$0.key] == $0.value }
    }
}
