import NotebookFormat

/// Key-by-key three-way merge of JSON objects (metadata, attachments, unknown fields): a key
/// changed on one side takes that change, the same change on both sides merges once, objects
/// changed on both sides merge recursively, lists merge element by element. What both sides
/// changed differently keeps local's value (or the value that was not deleted) and is reported.
///
/// A nil base means the base is unknown: a key on one side only is kept, and any difference
/// between the sides is a conflict.
struct ObjectMerge {
    struct Conflict: Equatable {
        var path: [String]
        var base: JSONValue?
        var local: JSONValue?
        var remote: JSONValue?
    }

    private(set) var conflicts: [Conflict] = []
    /// Top-level keys whose values only record how the notebook last ran (`language_info`,
    /// `ExecuteTime`...): when both sides changed one, local's value is taken without a conflict.
    var volatileKeys: Set<String> = []

    init(volatileKeys: Set<String> = []) {
        self.volatileKeys = volatileKeys
    }

    mutating func merge(base: JSONObject?, local: JSONObject, remote: JSONObject, path: [String] = []) -> JSONObject {
        if local == remote { return local }
        if let base {
            if local == base { return remote }
            if remote == base { return local }
        }
        var result = JSONObject()
        var keys = local.keys
        for key in remote.keys where !local.contains(key) { keys.append(key) }
        for key in keys {
            let b: JSONValue?? = base.map { $0[key] }
            result[key] = mergeValue(base: b, local: local[key], remote: remote[key], path: path + [key])
        }
        return result
    }

    /// `base` is nil when the base is unknown, `.some(nil)` when the key was absent from it.
    private mutating func mergeValue(base: JSONValue??, local: JSONValue?, remote: JSONValue?, path: [String]) -> JSONValue? {
        if local == remote { return local }
        if case .some(let b) = base {
            if local == b { return remote }
            if remote == b { return local }
        } else if local == nil || remote == nil {
            return local ?? remote
        }
        switch (local, remote) {
        case (.object(let l)?, .object(let r)?):
            let b: JSONObject? = base.map { $0?.objectValue ?? JSONObject() }
            return .object(merge(base: b, local: l, remote: r, path: path))
        case (.array(let l)?, .array(let r)?):
            if case .some(let b) = base, let merged = Self.mergeArrays(base: b?.arrayValue ?? [], local: l, remote: r) {
                return .array(merged)
            }
        default:
            break
        }
        if let key = path.first, volatileKeys.contains(key) { return local ?? remote }
        conflicts.append(Conflict(path: path, base: base ?? nil, local: local, remote: remote))
        return local ?? remote
    }

    /// Three-way merge of lists element by element (tags, for instance). Insertions at the same
    /// place keep both, local's first, without repeating an element; nil when both sides changed
    /// the same elements differently.
    static func mergeArrays(base: [JSONValue], local: [JSONValue], remote: [JSONValue]) -> [JSONValue]? {
        let writer = JSONWriter(indent: nil, sortKeys: true)
        let keys = (base.map(writer.string), local.map(writer.string), remote.map(writer.string))
        var result: [JSONValue] = []
        var resultKeys: [String] = []
        for chunk in Diff3.chunks(base: keys.0, local: keys.1, remote: keys.2) {
            switch chunk {
            case .stable(_, let lr, _):
                result += local[lr]
                resultKeys += keys.1[lr]
            case .changed(let br, let lr, let rr):
                switch Diff3.resolve(base: keys.0[br], local: keys.1[lr], remote: keys.2[rr]) {
                case .local:
                    result += local[lr]
                    resultKeys += keys.1[lr]
                case .remote:
                    result += remote[rr]
                    resultKeys += keys.2[rr]
                case .conflict:
                    guard br.isEmpty else { return nil }
                    result += local[lr]
                    resultKeys += keys.1[lr]
                    let seen = Set(keys.1[lr])
                    for i in rr where !seen.contains(keys.2[i]) {
                        result.append(remote[i])
                        resultKeys.append(keys.2[i])
                    }
                }
            }
        }
        // Both sides adding one element at different places must not repeat it (tags are a set).
        if Set(keys.1).count == keys.1.count && Set(keys.2).count == keys.2.count && Set(resultKeys).count < resultKeys.count {
            var seen = Set<String>()
            result = zip(result, resultKeys).filter { seen.insert($0.1).inserted }.map(\.0)
        }
        return result
    }
}
