import HTTPTypes
import NotebookFormat
import Testing

@Suite struct ExperimentEndpointTests {
    @Test(arguments: ["/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/"])
    func createGetAndFindByNameUnderBothPrefixes(prefix: String) async throws {
        try await TestServer().test { api in
            let created = try await api.post("experiments/create", #"{"name":"first","tags":[{"key":"team","value":"ml"}]}"#, prefix: prefix)
            #expect(created.status == .ok)
            let id = try #require(created["experiment_id"]?.stringValue)
            let got = try await api.get("experiments/get?experiment_id=\(id)", prefix: prefix)
            #expect(got["experiment.name"] == .string("first"))
            #expect(got["experiment.artifact_location"] == .string("mlflow-artifacts:/\(id)"))
            #expect(got["experiment.lifecycle_stage"] == .string("active"))
            #expect(got["experiment.creation_time"]?.numberLiteral != nil)
            #expect(got["experiment.tags.0.key"] == .string("team"))
            let byName = try await api.get("experiments/get-by-name?experiment_name=first", prefix: prefix)
            #expect(byName["experiment.experiment_id"] == .string(id))
        }
    }

    @Test func unknownNameIs404SoSetExperimentCreatesIt() async throws {
        try await TestServer().test { api in
            let answer = try await api.get("experiments/get-by-name?experiment_name=no+such")
            #expect(answer.status == .notFound)
            #expect(answer.errorCode == "RESOURCE_DOES_NOT_EXIST")
            #expect(answer.message.contains("no such"))
        }
    }

    @Test func duplicateNameIs400AlreadyExists() async throws {
        try await TestServer().test { api in
            _ = try await api.post("experiments/create", #"{"name":"dup"}"#)
            let again = try await api.post("experiments/create", #"{"name":"dup"}"#)
            #expect(again.status == .badRequest)
            #expect(again.errorCode == "RESOURCE_ALREADY_EXISTS")
        }
    }

    @Test func searchByPostAndGetWithFilterAndOrder() async throws {
        try await TestServer().test { api in
            for name in ["alpha", "beta", "gamma"] { _ = try await api.post("experiments/create", #"{"name":"\#(name)"}"#) }
            let posted = try await api.post(
                "experiments/search", #"{"max_results":1000,"view_type":"ACTIVE_ONLY","filter":"name LIKE '%a'","order_by":["name DESC"]}"#)
            let names = posted["experiments"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue }
            #expect(names == ["gamma", "beta", "alpha"])
            let fetched = try await api.get("experiments/search?max_results=2&order_by=name+ASC")
            #expect(fetched["experiments"]?.arrayValue?.count == 2)
            #expect(fetched["next_page_token"]?.stringValue != nil)
            let next = try await api.get("experiments/search?max_results=2&order_by=name+ASC&page_token=\(fetched["next_page_token"]?.stringValue ?? "")")
            #expect(next["experiments"]?.arrayValue?.count == 2)
            #expect(next["next_page_token"] == nil)
        }
    }

    @Test func renameTagDeleteAndRestore() async throws {
        try await TestServer().test { api in
            let id = try #require(try await api.post("experiments/create", #"{"name":"old"}"#)["experiment_id"]?.stringValue)
            #expect(try await api.post("experiments/update", #"{"experiment_id":"\#(id)","new_name":"new"}"#).json == .object(JSONObject()))
            #expect(try await api.get("experiments/get-by-name?experiment_name=new").status == .ok)
            _ = try await api.post("experiments/set-experiment-tag", #"{"experiment_id":"\#(id)","key":"k","value":"v"}"#)
            #expect(try await api.get("experiments/get?experiment_id=\(id)")["experiment.tags.0.value"] == .string("v"))
            _ = try await api.post("experiments/delete-experiment-tag", #"{"experiment_id":"\#(id)","key":"k"}"#)
            #expect(try await api.get("experiments/get?experiment_id=\(id)")["experiment.tags"] == nil)
            _ = try await api.post("experiments/delete", #"{"experiment_id":"\#(id)"}"#)
            #expect(try await api.get("experiments/get?experiment_id=\(id)")["experiment.lifecycle_stage"] == .string("deleted"))
            let deleted = try await api.post("experiments/search", #"{"view_type":"DELETED_ONLY"}"#)
            #expect(deleted["experiments.0.name"] == .string("new"))
            _ = try await api.post("experiments/restore", #"{"experiment_id":"\#(id)"}"#)
            #expect(try await api.get("experiments/get?experiment_id=\(id)")["experiment.lifecycle_stage"] == .string("active"))
        }
    }

    @Test func unknownExperimentIdIs404() async throws {
        try await TestServer().test { api in
            let answer = try await api.get("experiments/get?experiment_id=999")
            #expect(answer.status == .notFound)
            #expect(answer.errorCode == "RESOURCE_DOES_NOT_EXIST")
        }
    }
}
