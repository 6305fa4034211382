import Hummingbird
import NotebookFormat
import Tracking

extension APIRoutes {
    func registerExperiments(on group: RouterGroup<Context>) {
        endpoint(group, "experiments/create", [.post]) { fields in
            let name = try fields.requiredString("name")
            var tags: [String: String] = [:]
            for tag in try fields.objects("tags") { tags[try tag.requiredString("key")] = try tag.string("value") ?? "" }
            let location = try fields.string("artifact_location").flatMap { $0.isEmpty ? nil : $0 }
            let id = try await call { try await store.createExperiment(name: name, artifactLocation: location, tags: tags) }
            return Wire.object([("experiment_id", .string(id))])
        }
        endpoint(group, "experiments/get", [.get]) { fields in
            let id = try fields.requiredString("experiment_id")
            let experiment = try await call { try await store.experiment(id: id) }
            return WireBytes { $0.field("experiment"); $0.experiment(experiment) }
        }
        endpoint(group, "experiments/get-by-name", [.get]) { fields in
            let name = try fields.requiredString("experiment_name")
            let experiment = try await call { try await store.experiment(named: name) }
            return WireBytes { $0.field("experiment"); $0.experiment(experiment) }
        }
        endpoint(group, "experiments/search", [.get, .post]) { fields in
            let query = try await call {
                try ExperimentQuery(
                    parsing: try fields.string("filter").flatMap { $0.isEmpty ? nil : $0 },
                    viewType: try Self.viewType(fields, "view_type"),
                    maxResults: try fields.int("max_results"),
                    orderBy: try fields.strings("order_by"),
                    pageToken: try fields.string("page_token").flatMap { $0.isEmpty ? nil : $0 })
            }
            let page = try await call { try await store.searchExperiments(query) }
            return WireBytes(capacity: 128 + page.items.count * 256) {
                if !page.items.isEmpty {
                    $0.field("experiments")
                    $0.array { list in for experiment in page.items { list.experiment(experiment) } }
                }
                if let token = page.nextPageToken { $0.field("next_page_token"); $0.string(token) }
            }
        }
        endpoint(group, "experiments/update", [.post]) { fields in
            let id = try fields.requiredString("experiment_id")
            if let newName = try fields.string("new_name") {
                try await call { try await store.renameExperiment(id: id, to: newName) }
            }
            return Wire.empty
        }
        endpoint(group, "experiments/delete", [.post]) { fields in
            let id = try fields.requiredString("experiment_id")
            try await call { try await store.deleteExperiment(id: id) }
            return Wire.empty
        }
        endpoint(group, "experiments/restore", [.post]) { fields in
            let id = try fields.requiredString("experiment_id")
            try await call { try await store.restoreExperiment(id: id) }
            return Wire.empty
        }
        endpoint(group, "experiments/set-experiment-tag", [.post]) { fields in
            let id = try fields.requiredString("experiment_id")
            let key = try fields.requiredString("key")
            let value = try fields.requiredString("value")
            try await call { try await store.setExperimentTag(id: id, key: key, value: value) }
            return Wire.empty
        }
        endpoint(group, "experiments/delete-experiment-tag", [.post]) { fields in
            let id = try fields.requiredString("experiment_id")
            let key = try fields.requiredString("key")
            try await call { try await store.deleteExperimentTag(id: id, key: key) }
            return Wire.empty
        }
    }

    /// A `ViewType` field as its name (`ACTIVE_ONLY`) or its proto number (1, 2, 3).
    static func viewType(_ fields: RequestFields, _ key: String) throws(APIError) -> ViewType {
        guard let value = fields.value(key) else { return .activeOnly }
        let numbers: [String: ViewType] = ["1": .activeOnly, "2": .deletedOnly, "3": .all]
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let n): text = n.literal
        default: text = ""
        }
        if let view = ViewType(rawValue: text) ?? numbers[text] { return view }
        throw .invalidParameter(
            "Invalid value for parameter '\(key)': expected one of ACTIVE_ONLY, DELETED_ONLY, ALL.")
    }
}
