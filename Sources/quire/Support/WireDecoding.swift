import NotebookFormat
import Tracking

/// Reads MLflow's JSON run shapes (the inverse of `Wire` in TrackingServer).
enum WireDecoding {
    static func run(_ value: JSONValue) throws -> Run {
        guard let object = value.objectValue, let info = object["info"]?.objectValue else {
            throw RunsError("The server sent a run without info.")
        }
        let data = object["data"]?.objectValue
        var metrics: [String: Metric] = [:]
        for item in data?["metrics"]?.arrayValue ?? [] {
            let point = try metric(item)
            metrics[point.key] = point
        }
        let runInfo = RunInfo(
            runId: info["run_id"]?.stringValue ?? info["run_uuid"]?.stringValue ?? "",
            experimentId: info["experiment_id"]?.stringValue ?? "",
            runName: info["run_name"]?.stringValue ?? "",
            userId: info["user_id"]?.stringValue ?? "",
            status: info["status"]?.stringValue.flatMap(RunStatus.init(rawValue:)) ?? .running,
            startTime: int64(info["start_time"]) ?? 0,
            endTime: int64(info["end_time"]),
            artifactUri: info["artifact_uri"]?.stringValue ?? "",
            lifecycleStage: info["lifecycle_stage"]?.stringValue.flatMap(LifecycleStage.init(rawValue:)) ?? .active)
        return Run(
            info: runInfo,
            data: RunData(
                metrics: metrics, params: keyValues(data?["params"]), tags: keyValues(data?["tags"])))
    }

    static func metric(_ value: JSONValue) throws -> Metric {
        guard let object = value.objectValue, let key = object["key"]?.stringValue else {
            throw RunsError("The server sent a metric without a key.")
        }
        return Metric(
            key: key, value: double(object["value"]), timestamp: int64(object["timestamp"]) ?? 0,
            step: int64(object["step"]) ?? 0)
    }

    static func keyValues(_ value: JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for item in value?.arrayValue ?? [] {
            if let key = item.objectValue?["key"]?.stringValue { out[key] = item.objectValue?["value"]?.stringValue ?? "" }
        }
        return out
    }

    /// int64 fields arrive as numbers (quire, MLflow ≥ 2) or strings (proto3 JSON).
    static func int64(_ value: JSONValue?) -> Int64? {
        switch value {
        case .number(let number): Int64(number.literal) ?? Int64(exactly: number.doubleValue.rounded())
        case .string(let text): Int64(text)
        default: nil
        }
    }

    static func double(_ value: JSONValue?) -> Double {
        switch value {
        case .number(let number): number.doubleValue
        case .string("NaN"): .nan
        case .string("Infinity"): .infinity
        case .string("-Infinity"): -.infinity
        case .string(let text): Double(text) ?? .nan
        default: .nan
        }
    }
}
