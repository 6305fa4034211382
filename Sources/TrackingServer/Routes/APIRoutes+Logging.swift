import Hummingbird
import NotebookFormat
import Tracking

extension APIRoutes {
    /// MLflow's `MAX_BATCH_LOG_REQUEST_SIZE`.
    static let maxBatchRequestBytes = 1_000_000

    func registerLogging(on group: RouterGroup<Context>) {
        endpoint(group, "runs/log-metric", [.post]) { fields in
            let id = try fields.runId()
            let metric = try Self.metric(fields)
            try await call { try await store.logMetric(runId: id, metric) }
            return Wire.empty
        }
        endpoint(group, "runs/log-parameter", [.post]) { fields in
            let id = try fields.runId()
            let key = try fields.requiredString("key")
            let value = try fields.requiredString("value")
            try await call { try await store.logParam(runId: id, key: key, value: value) }
            return Wire.empty
        }
        endpoint(group, "runs/set-tag", [.post]) { fields in
            let id = try fields.runId()
            let key = try fields.requiredString("key")
            let value = try fields.requiredString("value")
            try await call { try await store.setTag(runId: id, key: key, value: value) }
            return Wire.empty
        }
        endpoint(group, "runs/delete-tag", [.post]) { fields in
            let id = try fields.runId()
            let key = try fields.requiredString("key")
            try await call { try await store.deleteTag(runId: id, key: key) }
            return Wire.empty
        }
        endpoint(group, "runs/log-batch", [.post]) { fields in
            guard fields.byteCount <= Self.maxBatchRequestBytes else {
                throw APIError.invalidParameter(
                    "Batched logging API requests must be at most \(Self.maxBatchRequestBytes) bytes, "
                        + "got a request of size \(fields.byteCount).")
            }
            let id = try fields.runId()
            let metrics = try fields.objects("metrics").map { metric throws(APIError) in try Self.metric(metric) }
            let params = try fields.objects("params").map { param throws(APIError) in
                Param(key: try param.requiredString("key"), value: try param.requiredString("value"))
            }
            let tags = try Self.tags(fields)
            try await call { try await store.logBatch(runId: id, metrics: metrics, params: params, tags: tags) }
            return Wire.empty
        }
        // Datasets are not stored yet: the run must exist, and the inputs are accepted.
        endpoint(group, "runs/log-inputs", [.post]) { fields in
            let id = try fields.runId()
            _ = try await call { try await store.run(id: id) }
            return Wire.empty
        }
    }

    /// A metric as `log-metric` and `log-batch` carry it; `timestamp` and `value` are required.
    static func metric(_ fields: RequestFields) throws(APIError) -> Metric {
        let key = try fields.requiredString("key")
        guard let value = try fields.double("value") else { throw .missing("value") }
        guard let timestamp = try fields.int64("timestamp") else { throw .missing("timestamp") }
        return Metric(key: key, value: value, timestamp: timestamp, step: try fields.int64("step") ?? 0)
    }
}
