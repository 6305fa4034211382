/// An MLflow experiment: a named folder of runs.
///
/// Ids are strings on the wire (`"0"` is the default experiment); stores may keep integers.
public struct Experiment: Sendable, Hashable {
    public var experimentId: String
    public var name: String
    /// Where runs of this experiment put artifacts, e.g. `mlflow-artifacts:/1`.
    public var artifactLocation: String
    public var lifecycleStage: LifecycleStage
    /// Milliseconds since the Unix epoch.
    public var creationTime: Int64
    public var lastUpdateTime: Int64
    public var tags: [String: String]

    public init(
        experimentId: String,
        name: String,
        artifactLocation: String,
        lifecycleStage: LifecycleStage = .active,
        creationTime: Int64,
        lastUpdateTime: Int64,
        tags: [String: String] = [:]
    ) {
        self.experimentId = experimentId
        self.name = name
        self.artifactLocation = artifactLocation
        self.lifecycleStage = lifecycleStage
        self.creationTime = creationTime
        self.lastUpdateTime = lastUpdateTime
        self.tags = tags
    }

    /// The id and name of the experiment every store creates on first start.
    public static let defaultId = "0"
    public static let defaultName = "Default"
}

/// Whether an experiment or run is live or in the trash (restorable).
public enum LifecycleStage: String, Sendable, Hashable, CaseIterable {
    case active
    case deleted
}

/// Which runs or experiments a search sees, by lifecycle stage (MLflow's `ViewType`).
public enum ViewType: String, Sendable, Hashable, CaseIterable {
    case activeOnly = "ACTIVE_ONLY"
    case deletedOnly = "DELETED_ONLY"
    case all = "ALL"

    /// Whether an entity in `stage` is visible in this view.
    public func includes(_ stage: LifecycleStage) -> Bool {
        switch self {
        case .activeOnly: stage == .active
        case .deletedOnly: stage == .deleted
        case .all: true
        }
    }

    /// The stages this view shows, for stores that filter in SQL.
    public var stages: [LifecycleStage] { LifecycleStage.allCases.filter(includes) }
}
