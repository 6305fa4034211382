import Tracking

/// A column of the runs table: a fixed attribute or tag, or a chosen param, metric or tag.
struct RunColumn: Sendable, Hashable {
    /// `attributes.start_time`, `params.lr`, `metrics.loss`, `tags.mlflow.user`.
    var key: String
    var label: String

    static let fixed = [
        RunColumn(key: "attributes.run_name", label: "Run"),
        RunColumn(key: "attributes.status", label: "Status"),
        RunColumn(key: "attributes.start_time", label: "Start"),
        RunColumn(key: "attributes.duration", label: "Duration"),
        RunColumn(key: "tags.mlflow.user", label: "User"),
        RunColumn(key: "tags.mlflow.source.name", label: "Source"),
        RunColumn(key: "tags.mlflow.source.git.commit", label: "Commit"),
    ]

    /// With no `columns=`: every param and metric when there are at most 12, else 6 of each.
    static func defaults(_ keys: RunKeys) -> [String] {
        if keys.params.count + keys.metrics.count <= 12 {
            return keys.params.map { "params." + $0 } + keys.metrics.map { "metrics." + $0 }
        }
        return keys.params.prefix(6).map { "params." + $0 } + keys.metrics.prefix(6).map { "metrics." + $0 }
    }

    /// A chosen key checked: `params.`, `metrics.` or `tags.` and a name.
    init(chosen key: String) throws(UIError) {
        for prefix in ["params.", "metrics.", "tags."] where key.hasPrefix(prefix) && key.count > prefix.count {
            self.init(key: key, label: String(key.dropFirst(prefix.count)))
            return
        }
        throw .badRequest("columns: '\(key)' is not a column; use params.NAME, metrics.NAME or tags.NAME.")
    }

    init(key: String, label: String) {
        self.key = key
        self.label = label
    }

    /// The `order_by` clause sorting by this column, in the API's grammar (names quoted).
    static func orderClause(key: String, ascending: Bool) -> String {
        let direction = ascending ? " ASC" : " DESC"
        guard let dot = key.firstIndex(of: ".") else { return key + direction }
        let prefix = key[..<dot]
        let name = key[key.index(after: dot)...]
        if prefix == "attributes" { return key + direction }
        return "\(prefix).`\(name.replacing("`", with: "``"))`" + direction
    }
}
