/// What `runs/create` carries. Missing pieces are filled in by the store: a random run name
/// (also set as the `mlflow.runName` tag), the current time, user `unknown`.
public struct CreateRunRequest: Sendable, Hashable {
    public var experimentId: String
    public var userId: String?
    public var runName: String?
    public var startTime: Int64?
    public var tags: [RunTag]

    public init(experimentId: String, userId: String? = nil, runName: String? = nil, startTime: Int64? = nil,
                tags: [RunTag] = []) {
        self.experimentId = experimentId
        self.userId = userId
        self.runName = runName
        self.startTime = startTime
        self.tags = tags
    }

    /// MLflow's reconciliation of `run_name` and the `mlflow.runName` tag.
    /// - Returns: the run's name and its tags, including `mlflow.runName`, validated and truncated.
    public func resolvedNameAndTags(random: () -> String = RunNames.random) throws(TrackingError) -> (String, [RunTag]) {
        let batch = try Validation.batch(metrics: [], params: [], tags: tags)
        let tagName = batch.tags.last { $0.key == SystemTag.runName }?.value
        if let runName, !runName.isEmpty, let tagName, tagName != runName {
            throw .invalidParameter(
                "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values "
                    + "(run_name='\(runName)', mlflow.runName='\(tagName)').")
        }
        let name = (runName?.isEmpty == false ? runName : nil) ?? tagName ?? random()
        var tags = batch.tags
        if tagName == nil { tags.append(RunTag(key: SystemTag.runName, value: name)) }
        return (name, tags)
    }
}
