import NotebookFormat
import Tracking

/// The JSON MLflow's server writes (`message_to_json` with int64 as numbers): snake_case names,
/// empty repeated fields omitted, doubles as Python's `repr`, non-finite doubles as proto3's
/// `"NaN"`, `"Infinity"` and `"-Infinity"` strings.
public enum Wire {
    public static func int64(_ value: Int64) -> JSONValue {
        .number(JSONNumber(literal: String(value)))
    }

    public static func double(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
        return .number(JSONNumber(double: value))
    }

    /// An object from ordered pairs, leaving out absent (nil) fields.
    public static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in pairs {
            if let value { object[key] = value }
        }
        return .object(object)
    }

    /// A repeated field: nil (omitted) when empty.
    public static func list(_ items: [JSONValue]) -> JSONValue? {
        items.isEmpty ? nil : .array(items)
    }

    /// `[{"key": …, "value": …}]` sorted by key, nil when empty.
    public static func keyValues(_ pairs: [String: String]) -> JSONValue? {
        list(pairs.sorted { $0.key < $1.key }.map { object([("key", .string($0.key)), ("value", .string($0.value))]) })
    }

    public static func experiment(_ experiment: Experiment) -> JSONValue {
        object([
            ("experiment_id", .string(experiment.experimentId)),
            ("name", .string(experiment.name)),
            ("artifact_location", .string(experiment.artifactLocation)),
            ("lifecycle_stage", .string(experiment.lifecycleStage.rawValue)),
            ("last_update_time", int64(experiment.lastUpdateTime)),
            ("creation_time", int64(experiment.creationTime)),
            ("tags", keyValues(experiment.tags)),
        ])
    }

    public static func runInfo(_ info: RunInfo) -> JSONValue {
        object([
            ("run_uuid", .string(info.runId)),
            ("run_id", .string(info.runId)),
            ("experiment_id", .string(info.experimentId)),
            ("run_name", .string(info.runName)),
            ("user_id", .string(info.userId)),
            ("status", .string(info.status.rawValue)),
            ("start_time", int64(info.startTime)),
            ("end_time", info.endTime.map(int64)),
            ("artifact_uri", .string(info.artifactUri)),
            ("lifecycle_stage", .string(info.lifecycleStage.rawValue)),
        ])
    }

    public static func metric(_ metric: Metric, runId: String? = nil) -> JSONValue {
        object([
            ("key", .string(metric.key)),
            ("value", double(metric.value)),
            ("timestamp", int64(metric.timestamp)),
            ("step", int64(metric.step)),
            ("run_id", runId.map(JSONValue.string)),
        ])
    }

    /// A run as `runs/get` and `runs/search` return it; `runs/create` leaves out `outputs`.
    public static func run(_ run: Run, withOutputs: Bool = true) -> JSONValue {
        let metrics = run.data.metrics.values.sorted { $0.key < $1.key }.map { metric($0) }
        let data = object([
            ("metrics", list(metrics)),
            ("params", keyValues(run.data.params)),
            ("tags", keyValues(run.data.tags)),
        ])
        return object([
            ("info", runInfo(run.info)),
            ("data", data),
            ("inputs", .object(JSONObject())),
            ("outputs", withOutputs ? .object(JSONObject()) : nil),
        ])
    }

    /// `{}`: the answer of every write that returns nothing.
    public static let empty = JSONValue.object(JSONObject())
}
