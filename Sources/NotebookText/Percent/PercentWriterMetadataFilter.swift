import NotebookFormat

/// jupytext's metadata filters (`metadata_filter.py`): a default filter per kind of metadata and
/// the user's filter (`"key1,-key2"`, `"all"`, `"-all"`, dotted keys for nested levels).
struct PercentWriterMetadataFilter {
    enum Keys: Equatable {
        case all
        case list([String])
    }

    var additional: Keys = .list([])
    var excluded: Keys = .list([])

    /// `metadata_filter_as_dict` for a filter given as a string, a bool or nothing.
    init(_ value: JSONValue?) {
        switch value {
        case .bool(true)?: additional = .all
        case .bool(false)?: excluded = .all
        case .string(let text)?:
            (additional, excluded) = Self.parse(text)
        case .object(let object)?:
            additional = Self.keys(object["additional"])
            excluded = Self.keys(object["excluded"])
        default: break
        }
    }

    init(_ text: String) {
        (additional, excluded) = Self.parse(text)
    }

    private static func parse(_ text: String) -> (Keys, Keys) {
        var add: [String] = [], exclude: [String] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let key = raw.trimmingSpaces
            if key.scalarsStart(with: "-") {
                exclude.append(String(key.dropFirst()).trimmingSpaces)
            } else if key.scalarsStart(with: "+") {
                add.append(String(key.dropFirst()).trimmingSpaces)
            } else {
                add.append(key)
            }
        }
        return (
            add.contains("all") ? .all : .list(add.filter { !$0.isEmpty }),
            exclude.contains("all") ? .all : .list(exclude.filter { !$0.isEmpty })
        )
    }

    private static func keys(_ value: JSONValue?) -> Keys {
        if value?.stringValue == "all" { return .all }
        return .list((value?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// `filter_metadata(metadata, user, default)`; a `Plan` does it for many metadata objects.
    static func filter(_ metadata: JSONObject, user: PercentWriterMetadataFilter, default defaults: PercentWriterMetadataFilter) -> JSONObject {
        Plan(user: user, default: defaults).apply(metadata)
    }

    /// `subset_metadata`: keys outside `[a-zA-Z0-9_.@/-]+` are dropped.
    static func subset(_ metadata: JSONObject, keepOnly: KeyList?, exclude: KeyList?) -> JSONObject {
        let supported = metadata.keys.filter(isValidKey)
        var result = JSONObject()
        if let keepOnly {
            for key in supported where keepOnly.keys.contains(key) { result[key] = metadata[key] }
            for key in supported {
                guard let nested = keepOnly.nested(under: key) else { continue }
                result[key] = .object(subset(metadata[key]?.objectValue ?? JSONObject(), keepOnly: nested, exclude: nil))
            }
        } else {
            for key in supported { result[key] = metadata[key] }
        }
        if let exclude {
            for key in exclude.keys { result.removeValue(forKey: key) }
            for (key, nested) in exclude.nested {
                guard case .object(let inner)? = result[key] else { continue }
                result[key] = .object(subset(inner, keepOnly: nil, exclude: nested))
            }
        }
        return result
    }

    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { c in
            switch c {
            case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "-"): return true
            default: return LineBytes.isLetter(c) || LineBytes.isDigit(c)
            }
        }
    }
}

extension PercentWriterMetadataFilter.Keys {
    var list: [String] {
        if case .list(let keys) = self { return keys }
        return []
    }
}

extension StringProtocol {
    /// Without leading and trailing White_Space.
    fileprivate var trimmingSpaces: String {
        let trimmed = utf8.withContiguousStorageIfAvailable { b in
            let first = LineBytes.skip(b, from: 0)
            return LineBytes.string(b, first..<LineBytes.trimmedEnd(b, from: first))
        }
        if let trimmed { return trimmed }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
