import NotebookFormat

/// Entries of nbdime's diff format (`nbdime/diff_format.schema.json`): a list of operations
/// applied to A gives B. Mapping keys are strings; sequence keys are indices into A.
public enum NbdimeOps {
    public static func add(_ key: String, _ value: JSONValue) -> JSONValue {
        entry(op: "add", key: .string(key), value: value)
    }

    public static func remove(_ key: String) -> JSONValue {
        entry(op: "remove", key: .string(key))
    }

    public static func replace(_ key: String, _ value: JSONValue) -> JSONValue {
        entry(op: "replace", key: .string(key), value: value)
    }

    public static func patch(_ key: String, _ diff: [JSONValue]) -> JSONValue {
        entry(op: "patch", key: .string(key), diff: .array(diff))
    }

    public static func patch(index: Int, _ diff: [JSONValue]) -> JSONValue {
        entry(op: "patch", key: .int(index), diff: .array(diff))
    }

    public static func addRange(_ index: Int, _ values: [JSONValue]) -> JSONValue {
        entry(op: "addrange", key: .int(index), valuelist: .array(values))
    }

    public static func removeRange(_ index: Int, _ length: Int) -> JSONValue {
        entry(op: "removerange", key: .int(index), length: .int(length))
    }

    private static func entry(op: String, key: JSONValue, value: JSONValue? = nil, diff: JSONValue? = nil,
                              valuelist: JSONValue? = nil, length: JSONValue? = nil) -> JSONValue {
        var object = JSONObject()
        object["op"] = .string(op)
        object["key"] = key
        object["value"] = value
        object["valuelist"] = valuelist
        object["length"] = length
        object["diff"] = diff
        return .object(object)
    }

    /// add, remove or replace for a value that may be missing on either side.
    static func set(_ key: String, _ change: ValueChange<JSONValue?>) -> JSONValue? {
        switch (change.old, change.new) {
        case (nil, let value?): return add(key, value)
        case (_?, nil): return remove(key)
        case (_?, let value?): return replace(key, value)
        case (nil, nil): return nil
        }
    }

    /// Mapping entries sorted by key, as nbdime orders them.
    static func sortedByKey(_ ops: [JSONValue]) -> [JSONValue] {
        ops.sorted { (key($0) ?? "").utf8.lexicographicallyPrecedes((key($1) ?? "").utf8) }
    }

    private static func key(_ op: JSONValue) -> String? { op.objectValue?["key"]?.stringValue }
}

/// Collects the entries of a sequence diff in A's order, joining runs of inserted values at the
/// same place into one `addrange` and runs of deleted neighbours into one `removerange`.
struct NbdimeSequenceBuilder {
    private var ops: [(key: Int, rank: Int, op: JSONValue)] = []
    private var pendingInsert: (key: Int, values: [JSONValue])?
    private var pendingRemove: (key: Int, length: Int)?

    mutating func insert(_ value: JSONValue, before index: Int) {
        if let pending = pendingInsert, pending.key == index {
            pendingInsert?.values.append(value)
            return
        }
        flushInsert()
        pendingInsert = (index, [value])
    }

    mutating func remove(_ index: Int) {
        if let pending = pendingRemove, pending.key + pending.length == index {
            pendingRemove?.length += 1
            return
        }
        flushRemove()
        pendingRemove = (index, 1)
    }

    mutating func patch(_ index: Int, _ diff: [JSONValue]) {
        guard !diff.isEmpty else { return }
        ops.append((index, 2, NbdimeOps.patch(index: index, diff)))
    }

    /// The entries by key; at one key `addrange` comes before `removerange` (nbdime's order).
    mutating func build() -> [JSONValue] {
        flushInsert()
        flushRemove()
        return ops.enumerated()
            .sorted { ($0.element.key, $0.element.rank, $0.offset) < ($1.element.key, $1.element.rank, $1.offset) }
            .map(\.element.op)
    }

    private mutating func flushInsert() {
        if let pending = pendingInsert { ops.append((pending.key, 0, NbdimeOps.addRange(pending.key, pending.values))) }
        pendingInsert = nil
    }

    private mutating func flushRemove() {
        if let pending = pendingRemove { ops.append((pending.key, 1, NbdimeOps.removeRange(pending.key, pending.length))) }
        pendingRemove = nil
    }
}
