/// A run with its data, as `runs/get` and `runs/search` return it.
public struct Run: Sendable, Hashable {
    public var info: RunInfo
    public var data: RunData

    public init(info: RunInfo, data: RunData = RunData()) {
        self.info = info
        self.data = data
    }

    /// The parent run's id for a nested run (the `mlflow.parentRunId` tag).
    public var parentRunId: String? { data.tags[SystemTag.parentRunId] }
}

/// What a run has logged: the latest value of each metric, params and tags.
public struct RunData: Sendable, Hashable {
    /// The latest point per key, by ``Metric/isNewer(than:)``.
    public var metrics: [String: Metric]
    public var params: [String: String]
    public var tags: [String: String]

    public init(metrics: [String: Metric] = [:], params: [String: String] = [:], tags: [String: String] = [:]) {
        self.metrics = metrics
        self.params = params
        self.tags = tags
    }
}

/// Tags the MLflow client and server give meaning to (reference §7).
public enum SystemTag {
    public static let runName = "mlflow.runName"
    public static let parentRunId = "mlflow.parentRunId"
    public static let user = "mlflow.user"
    public static let note = "mlflow.note.content"
}
