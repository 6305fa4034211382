import Hummingbird
import NotebookFormat
import Tracking

extension APIRoutes {
    func registerRuns(on group: RouterGroup<Context>) {
        endpoint(group, "runs/create", [.post]) { fields in
            let request = CreateRunRequest(
                experimentId: try fields.string("experiment_id").flatMap { $0.isEmpty ? nil : $0 } ?? Experiment.defaultId,
                userId: try fields.string("user_id"),
                runName: try fields.string("run_name"),
                startTime: try fields.int64("start_time"),
                tags: try Self.tags(fields))
            let run = try await call { try await store.createRun(request) }
            return WireBytes { $0.field("run"); $0.run(run, withOutputs: false) }
        }
        endpoint(group, "runs/get", [.get]) { fields in
            let id = try fields.runId()
            let run = try await call { try await store.run(id: id) }
            return WireBytes { $0.field("run"); $0.run(run) }
        }
        endpoint(group, "runs/update", [.post]) { fields in
            let id = try fields.runId()
            let status = try fields.string("status").map { text throws(APIError) in
                guard let status = RunStatus(rawValue: text) else {
                    throw .invalidParameter(
                        "Invalid value '\(text)' for parameter 'status': expected one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED.")
                }
                return status
            }
            let endTime = try fields.int64("end_time")
            let runName = try fields.string("run_name").flatMap { $0.isEmpty ? nil : $0 }
            let info = try await call { try await store.updateRun(id: id, status: status, endTime: endTime, runName: runName) }
            return WireBytes { $0.field("run_info"); $0.runInfo(info) }
        }
        endpoint(group, "runs/delete", [.post]) { fields in
            let id = try fields.runId()
            try await call { try await store.deleteRun(id: id) }
            return Wire.empty
        }
        endpoint(group, "runs/restore", [.post]) { fields in
            let id = try fields.runId()
            try await call { try await store.restoreRun(id: id) }
            return Wire.empty
        }
        endpoint(group, "runs/search", [.post, .get]) { fields in
            let query = try await call {
                try RunQuery(
                    experimentIds: try fields.strings("experiment_ids"),
                    parsing: try fields.string("filter").flatMap { $0.isEmpty ? nil : $0 },
                    viewType: try Self.viewType(fields, "run_view_type"),
                    maxResults: try fields.int("max_results"),
                    orderBy: try fields.strings("order_by"),
                    pageToken: try fields.string("page_token").flatMap { $0.isEmpty ? nil : $0 })
            }
            let page = try await call { try await store.searchRuns(query) }
            // About 600 bytes per run with a few params, metrics and tags.
            return WireBytes(capacity: 128 + page.items.count * 768) {
                if !page.items.isEmpty {
                    $0.field("runs")
                    $0.array { runs in for run in page.items { runs.run(run) } }
                }
                if let token = page.nextPageToken { $0.field("next_page_token"); $0.string(token) }
            }
        }
    }

    static func tags(_ fields: RequestFields) throws(APIError) -> [RunTag] {
        try fields.objects("tags").map { tag throws(APIError) in
            RunTag(key: try tag.requiredString("key"), value: try tag.string("value") ?? "")
        }
    }
}
