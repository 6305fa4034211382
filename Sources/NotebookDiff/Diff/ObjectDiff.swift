import NotebookFormat

/// A key-by-key diff of two JSON objects: added, removed and replaced keys, and — where both
/// values are objects and the diff is recursive — a nested diff. Keys come in code-point order,
/// as nbdime sorts them. Used for notebook, cell and output metadata, attachments and outputs;
/// a three-way merge can diff base→local and base→remote and combine them with `applied(to:)`.
public struct ObjectDiff: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case added(JSONValue)
        case removed(JSONValue)
        case replaced(old: JSONValue, new: JSONValue)
        /// Both values are objects; the nested diff is not empty.
        case patched(ObjectDiff)
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var change: Change

        public init(key: String, change: Change) {
            self.key = key
            self.change = change
        }
    }

    /// One leaf of a (possibly nested) diff: the path of keys and the values on both sides.
    public struct Leaf: Sendable, Equatable {
        public var path: [String]
        /// nil when the key was added.
        public var old: JSONValue?
        /// nil when the key was removed.
        public var new: JSONValue?
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// The diff from `old` to `new`.
    /// - Parameters:
    ///   - recursive: diff nested objects key by key instead of replacing them whole.
    ///   - ignoring: top-level keys left out on both sides.
    public init(_ old: JSONObject, _ new: JSONObject, recursive: Bool = true, ignoring: Set<String> = []) {
        var entries: [Entry] = []
        for entry in old where !ignoring.contains(entry.key) {
            guard let newValue = new[entry.key] else {
                entries.append(Entry(key: entry.key, change: .removed(entry.value)))
                continue
            }
            guard newValue != entry.value else { continue }
            if recursive, case .object(let a) = entry.value, case .object(let b) = newValue {
                entries.append(Entry(key: entry.key, change: .patched(ObjectDiff(a, b))))
            } else {
                entries.append(Entry(key: entry.key, change: .replaced(old: entry.value, new: newValue)))
            }
        }
        for entry in new where !ignoring.contains(entry.key) && !old.contains(entry.key) {
            entries.append(Entry(key: entry.key, change: .added(entry.value)))
        }
        entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The keys this diff touches at its top level.
    public var keys: [String] { entries.map(\.key) }

    /// The change under one top-level key.
    public subscript(key: String) -> Change? {
        entries.first { $0.key == key }?.change
    }

    /// Every changed leaf with its full path, nested diffs flattened, in key order.
    public var leaves: [Leaf] {
        var result: [Leaf] = []
        collectLeaves(prefix: [], into: &result)
        return result
    }

    private func collectLeaves(prefix: [String], into result: inout [Leaf]) {
        for entry in entries {
            let path = prefix + [entry.key]
            switch entry.change {
            case .added(let value): result.append(Leaf(path: path, old: nil, new: value))
            case .removed(let value): result.append(Leaf(path: path, old: value, new: nil))
            case .replaced(let old, let new): result.append(Leaf(path: path, old: old, new: new))
            case .patched(let nested): nested.collectLeaves(prefix: path, into: &result)
            }
        }
    }

    /// `object` with this diff applied. Keys the diff does not mention keep their values;
    /// a patch on a key that is no longer an object replaces it with the patched empty object.
    public func applied(to object: JSONObject) -> JSONObject {
        var result = object
        for entry in entries {
            switch entry.change {
            case .added(let value), .replaced(_, let value): result[entry.key] = value
            case .removed: result.removeValue(forKey: entry.key)
            case .patched(let nested):
                let base = result[entry.key]?.objectValue ?? JSONObject()
                result[entry.key] = .object(nested.applied(to: base))
            }
        }
        return result
    }
}
