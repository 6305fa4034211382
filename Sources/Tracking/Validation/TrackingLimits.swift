/// MLflow's limits (`mlflow/utils/validation.py`, 3.17), enforced by every store.
public enum TrackingLimits {
    public static let maxMetricsPerBatch = 1000
    public static let maxParamsPerBatch = 100
    public static let maxTagsPerBatch = 100
    public static let maxEntitiesPerBatch = 1000
    /// Longer param values are truncated, not rejected (`MLFLOW_TRUNCATE_LONG_VALUES`).
    public static let maxParamValueLength = 6000
    /// Longer run tag values are truncated, not rejected.
    public static let maxTagValueLength = 8000
    public static let maxExperimentTagValueLength = 20000
    public static let maxKeyLength = 250
    public static let maxExperimentNameLength = 500
    public static let searchMaxResultsDefault = 1000
    public static let searchMaxResultsThreshold = 50000
    public static let metricHistoryMaxResults = 25000
}
