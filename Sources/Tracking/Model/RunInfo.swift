/// The attributes of a run (MLflow's `RunInfo`).
public struct RunInfo: Sendable, Hashable {
    /// 32 lowercase hex digits; MLflow also sends it as the legacy `run_uuid`.
    public var runId: String
    public var experimentId: String
    public var runName: String
    public var userId: String
    public var status: RunStatus
    /// Milliseconds since the Unix epoch.
    public var startTime: Int64
    /// Nil while the run has not ended.
    public var endTime: Int64?
    /// `<experiment artifact location>/<run id>/artifacts`.
    public var artifactUri: String
    public var lifecycleStage: LifecycleStage

    /// Milliseconds from start to end; nil while the run has not ended. Computed in `Double`, as
    /// the stores' SQL does, so that extreme times cannot overflow.
    public var duration: Double? { endTime.map { Double($0) - Double(startTime) } }

    /// The legacy name of `runId`, still sent and read by the client.
    public var runUuid: String { runId }

    public init(
        runId: String,
        experimentId: String,
        runName: String,
        userId: String,
        status: RunStatus,
        startTime: Int64,
        endTime: Int64?,
        artifactUri: String,
        lifecycleStage: LifecycleStage
    ) {
        self.runId = runId
        self.experimentId = experimentId
        self.runName = runName
        self.userId = userId
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.artifactUri = artifactUri
        self.lifecycleStage = lifecycleStage
    }
}

/// The state of a run as the client reports it.
public enum RunStatus: String, Sendable, Hashable, CaseIterable {
    case running = "RUNNING"
    case scheduled = "SCHEDULED"
    case finished = "FINISHED"
    case failed = "FAILED"
    case killed = "KILLED"
}
