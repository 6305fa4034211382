import Hummingbird
import NotebookFormat
import Tracking

extension APIRoutes {
    func registerMetrics(on group: RouterGroup<Context>) {
        endpoint(group, "metrics/get-history", [.get]) { fields in
            let id = try fields.runId()
            let key = try fields.requiredString("metric_key")
            let maxResults = try fields.int("max_results")
            let token = try fields.string("page_token").flatMap { $0.isEmpty ? nil : $0 }
            let page = try await call {
                try await store.metricHistory(runId: id, key: key, maxResults: maxResults, pageToken: token)
            }
            return WireBytes(capacity: 128 + page.items.count * 80) {
                $0.metrics(page.items)
                if let token = page.nextPageToken { $0.field("next_page_token"); $0.string(token) }
            }
        }
        // The web UI's chart sampling: up to `max_results` points per run, evenly spread over
        // the steps, always keeping the first and last step.
        endpoint(group, "metrics/get-history-bulk-interval", [.get]) { fields in
            let runIds = try fields.strings("run_ids")
            guard !runIds.isEmpty else { throw APIError.missing("run_ids") }
            guard runIds.count <= 100 else {
                throw APIError.invalidParameter("GetMetricHistoryBulkInterval request must specify at most 100 run_ids.")
            }
            let key = try fields.requiredString("metric_key")
            let maxResults = try fields.int("max_results") ?? 320
            guard (1...2500).contains(maxResults) else {
                throw APIError.invalidParameter("max_results must be between 1 and 2500, got \(maxResults).")
            }
            let steps = (try fields.int64("start_step") ?? .min)...(try fields.int64("end_step") ?? .max)
            var points: [(runId: String, metric: Metric)] = []
            for runId in runIds {
                let history = try await call { try await store.fullMetricHistory(runId: runId, key: key) }.filter { steps.contains($0.step) }
                points += Self.sampled(history, maxSteps: maxResults).map { (runId, $0) }
            }
            return WireBytes(capacity: 128 + points.count * 120) { answer in
                guard !points.isEmpty else { return }
                answer.field("metrics")
                answer.array { list in for point in points { list.metric(point.metric, runId: point.runId) } }
            }
        }
    }

    /// Points at no more than `maxSteps` distinct steps, spread evenly, first and last kept.
    static func sampled(_ history: [Metric], maxSteps: Int) -> [Metric] {
        var steps: [Int64] = []
        for metric in history where steps.last != metric.step { steps.append(metric.step) }
        guard steps.count > maxSteps else { return history }
        var kept = Set<Int64>()
        for i in 0..<maxSteps {
            kept.insert(steps[maxSteps == 1 ? 0 : i * (steps.count - 1) / (maxSteps - 1)])
        }
        return history.filter { kept.contains($0.step) }
    }

    /// Logged models are not stored yet; the client calls this search while listing and
    /// downloading a run's artifacts and fails on a 404, so it answers "none".
    func registerLoggedModels(on group: RouterGroup<Context>) {
        endpoint(group, "logged-models/search", [.post, .get]) { _ in Wire.empty }
    }
}
