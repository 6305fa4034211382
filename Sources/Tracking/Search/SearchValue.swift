/// The value a search key has on a run or experiment: what filters compare and orderings sort.
public enum SearchValue: Sendable, Hashable {
    case number(Double)
    case string(String)

    /// The latest metric value, param, tag or attribute; nil when the run has none.
    public static func of(_ key: SearchKey, in run: Run) -> SearchValue? {
        switch key.kind {
        case .metric: return run.data.metrics[key.name].map { .number($0.value) }
        case .param: return run.data.params[key.name].map { .string($0) }
        case .tag: return run.data.tags[key.name].map { .string($0) }
        case .attribute:
            let info = run.info
            switch key.name {
            case "run_id": return .string(info.runId)
            case "run_name": return .string(info.runName)
            case "status": return .string(info.status.rawValue)
            case "user_id": return .string(info.userId)
            case "artifact_uri": return .string(info.artifactUri)
            case "experiment_id": return .string(info.experimentId)
            case "start_time": return .number(Double(info.startTime))
            case "end_time": return info.endTime.map { .number(Double($0)) }
            case "duration": return info.duration.map { .number($0) }
            default: return nil
            }
        }
    }

    public static func of(_ key: SearchKey, in experiment: Experiment) -> SearchValue? {
        switch (key.kind, key.name) {
        case (.tag, _): experiment.tags[key.name].map { .string($0) }
        case (.attribute, "name"): .string(experiment.name)
        case (.attribute, "experiment_id"): .string(experiment.experimentId)
        case (.attribute, "creation_time"): .number(Double(experiment.creationTime))
        case (.attribute, "last_update_time"): .number(Double(experiment.lastUpdateTime))
        default: nil
        }
    }
}
