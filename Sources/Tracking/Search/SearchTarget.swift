/// What is being searched — runs or experiments — which decides the keys a filter may use.
public enum SearchTarget: Sendable, Hashable {
    case runs
    case experiments

    /// Attributes compared as strings, with MLflow's aliases mapped to canonical names.
    var stringAttributes: [String: String] {
        switch self {
        case .runs:
            [
                "run_id": "run_id", "run_name": "run_name", "status": "status", "user_id": "user_id",
                "artifact_uri": "artifact_uri", "run name": "run_name", "Run name": "run_name",
                "Run Name": "run_name",
            ]
        case .experiments: ["name": "name"]
        }
    }

    /// Attributes compared as numbers (milliseconds). `duration` (end − start, null while a run
    /// has not ended) is quire's own: MLflow's client never sends it.
    var numericAttributes: [String: String] {
        switch self {
        case .runs:
            [
                "start_time": "start_time", "end_time": "end_time", "created": "start_time", "Created": "start_time",
                "duration": "duration",
            ]
        case .experiments: ["creation_time": "creation_time", "last_update_time": "last_update_time"]
        }
    }

    /// Attributes `order_by` accepts.
    var orderableAttributes: [String: String] {
        switch self {
        case .runs:
            numericAttributes.merging(stringAttributes) { a, _ in a }.merging(["experiment_id": "experiment_id"]) { a, _ in a }
        case .experiments:
            ["name": "name", "experiment_id": "experiment_id", "creation_time": "creation_time",
             "last_update_time": "last_update_time"]
        }
    }

    var allowedKinds: [SearchKey.Kind] {
        switch self {
        case .runs: [.metric, .param, .tag, .attribute]
        case .experiments: [.tag, .attribute]
        }
    }

    /// MLflow's identifier prefixes and their aliases (`search_utils.py`).
    static func kind(forPrefix prefix: String) -> SearchKey.Kind? {
        switch prefix.lowercased() {
        case "metric", "metrics": .metric
        case "parameter", "parameters", "param", "params": .param
        case "tag", "tags": .tag
        case "attribute", "attributes", "attr", "run": .attribute
        default: nil
        }
    }
}
