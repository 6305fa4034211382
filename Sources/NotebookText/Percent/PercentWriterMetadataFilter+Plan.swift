import NotebookFormat

/// A user filter resolved against its defaults once (`filter_metadata`'s branches and the dotted
/// keys split by level), then applied to the metadata of every cell: resolving per cell cost more
/// than the rest of writing it.
extension PercentWriterMetadataFilter {
    struct Plan: Sendable {
        /// Keep only these keys (`nil`: keep all supported keys).
        let keepOnly: KeyList?
        /// Then drop these keys.
        let exclude: KeyList?
        /// Drop `tags` when it is empty or false.
        let dropsFalsyTags: Bool

        /// `filter_metadata(metadata, user, default)` without the metadata.
        init(user: PercentWriterMetadataFilter, default defaults: PercentWriterMetadataFilter) {
            var defaultExclude = defaults.excluded
            if case .list(let include) = defaults.additional, !include.isEmpty, defaults.excluded == .list([]) {
                defaultExclude = .all
            }
            var keepOnly: [String]?, exclude: [String]?
            dropsFalsyTags = defaultExclude != .all && user.additional != .all && user.excluded != .all
            if user.additional == .all {
                exclude = user.excluded.list
            } else if user.excluded == .all {
                keepOnly = user.additional.list
            } else if defaultExclude == .all {
                keepOnly = user.additional.list + defaults.additional.list
                exclude = user.excluded.list
            } else {
                let userInclude = user.additional.list
                exclude = user.excluded.list + defaultExclude.list.filter { !userInclude.contains($0) }
            }
            self.keepOnly = keepOnly.map(KeyList.init)
            self.exclude = exclude.map(KeyList.init)
        }

        func apply(_ metadata: JSONObject) -> JSONObject {
            if metadata.isEmpty { return metadata }
            var metadata = metadata
            if dropsFalsyTags, let tags = metadata["tags"], !tags.isTruthy { metadata.removeValue(forKey: "tags") }
            return PercentWriterMetadataFilter.subset(metadata, keepOnly: keepOnly, exclude: exclude)
        }
    }

    /// Keys of one level, and the keys below each `key.` prefix (`secondLevel`, in first-seen order).
    struct KeyList: Sendable {
        let keys: [String]
        let nested: [(key: String, list: KeyList)]

        init(_ keys: [String]) {
            self.keys = keys
            var order: [String] = []
            var map: [String: [String]] = [:]
            for key in keys {
                guard let dot = key.utf8.firstIndex(of: UInt8(ascii: ".")) else { continue }
                let left = String(Substring(key.utf8[..<dot])), right = String(Substring(key.utf8[key.utf8.index(after: dot)...]))
                if map[left] == nil { order.append(left) }
                map[left, default: []].append(right)
            }
            nested = order.map { ($0, KeyList(map[$0] ?? [])) }
        }

        func nested(under key: String) -> KeyList? {
            nested.first { $0.key == key }?.list
        }
    }
}
