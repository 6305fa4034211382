// MLflow's wording for the errors every store raises, in one place so stores agree.
extension TrackingError {
    public static func invalidParameter(_ message: String, column: Int? = nil) -> TrackingError {
        TrackingError(.invalidParameterValue, message, column: column)
    }

    public static func runNotFound(_ runId: String) -> TrackingError {
        TrackingError(.resourceDoesNotExist, "Run with id=\(runId) not found")
    }

    public static func experimentNotFound(id: String) -> TrackingError {
        TrackingError(.resourceDoesNotExist, "No Experiment with id=\(id) exists")
    }

    public static func experimentNotFound(name: String) -> TrackingError {
        TrackingError(.resourceDoesNotExist, "Could not find experiment with name '\(name)'")
    }

    public static func experimentExists(name: String) -> TrackingError {
        TrackingError(.resourceAlreadyExists, "Experiment(name=\(name)) already exists.")
    }

    public static func runNotActive(_ runId: String, stage: LifecycleStage) -> TrackingError {
        .invalidParameter("The run \(runId) must be in the 'active' state. Current state is \(stage.rawValue).")
    }

    public static func experimentNotActive(_ id: String, stage: LifecycleStage) -> TrackingError {
        .invalidParameter(
            "The experiment \(id) must be in the 'active' state. Current state is \(stage.rawValue).")
    }

    public static func paramChanged(runId: String, key: String, old: String, new: String) -> TrackingError {
        .invalidParameter(
            "Changing param values is not allowed. Param with key='\(key)' was already logged with "
                + "value='\(old)' for run ID='\(runId)'. Attempted logging new value '\(new)'.")
    }

    public static let invalidPageToken = TrackingError.invalidParameter("Invalid page token, could not base64-decode")
}
