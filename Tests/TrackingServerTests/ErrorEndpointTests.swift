import HTTPTypes
import NotebookFormat
import Testing

/// Every client mistake gets a 4xx with MLflow's JSON error body, never a 500 (which the client
/// retries for minutes), and the server keeps serving.
@Suite struct ErrorEndpointTests {
    @Test func unknownRunIs404() async throws {
        try await TestServer().test { api in
            let answer = try await api.get("runs/get?run_id=0123456789abcdef0123456789abcdef")
            #expect(answer.status == .notFound)
            #expect(answer.errorCode == "RESOURCE_DOES_NOT_EXIST")
            #expect(answer.message.contains("0123456789abcdef0123456789abcdef"))
            let metric = try await api.post("runs/log-metric", #"{"run_id":"nope","key":"a","value":1,"timestamp":1}"#)
            #expect(metric.status == .notFound)
        }
    }

    @Test(arguments: [
        (#"{"name": "#, "Malformed JSON"),
        ("[1, 2]", "must be a JSON object"),
        (#"{"name": 5}"#, "parameter 'name'"),
        (#"{}"#, "Missing value for required parameter 'name'"),
    ])
    func badBodiesAre400(body: String, expected: String) async throws {
        try await TestServer().test { api in
            let answer = try await api.post("experiments/create", body)
            #expect(answer.status == .badRequest)
            #expect(answer.errorCode != nil)
            #expect(answer.message.contains(expected), "\(answer.message)")
        }
    }

    @Test func wrongTypesAndMissingFieldsOnLogMetric() async throws {
        try await TestServer().test { api in
            let (_, id) = try await api.makeRun()
            let noTimestamp = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"a","value":1}"#)
            #expect(noTimestamp.status == .badRequest)
            #expect(noTimestamp.message.contains("'timestamp'"))
            let textValue = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"a","value":"high","timestamp":1}"#)
            #expect(textValue.status == .badRequest)
            #expect(textValue.message.contains("'value'"))
            let fractionalStep = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"a","value":1,"timestamp":1,"step":1.5}"#)
            #expect(fractionalStep.status == .badRequest)
            let badKey = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"a!b","value":1,"timestamp":1}"#)
            #expect(badKey.status == .badRequest && badKey.errorCode == "INVALID_PARAMETER_VALUE")
            let changed = try await api.post("runs/log-parameter", #"{"run_id":"\#(id)","key":"p","value":"1"}"#)
            #expect(changed.status == .ok)
            let again = try await api.post("runs/log-parameter", #"{"run_id":"\#(id)","key":"p","value":"2"}"#)
            #expect(again.status == .badRequest && again.message.contains("Changing param values is not allowed"))
        }
    }

    @Test func badFilterGives400WithTheParseMessage() async throws {
        try await TestServer().test { api in
            let answer = try await api.post("runs/search", #"{"experiment_ids":["0"],"filter":"params.lr = 0.01"}"#)
            #expect(answer.status == .badRequest)
            #expect(answer.errorCode == "INVALID_PARAMETER_VALUE")
            #expect(answer.message.lowercased().contains("quoted string") || answer.message.contains("column"), "\(answer.message)")
            let tooMany = try await api.post("runs/search", #"{"experiment_ids":["0"],"max_results":50001}"#)
            #expect(tooMany.status == .badRequest)
            let view = try await api.post("runs/search", #"{"experiment_ids":["0"],"run_view_type":"SOME"}"#)
            #expect(view.status == .badRequest)
        }
    }

    @Test func oversizeBodyIs413AndServerKeepsServing() async throws {
        try await TestServer(maxBodyBytes: 1000).test { api in
            let big = #"{"name":""# + String(repeating: "x", count: 5000) + #""}"#
            let answer = try await api.post("experiments/create", big)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.message.contains("1000 bytes"))
            #expect(try await api.post("experiments/create", #"{"name":"ok"}"#).status == .ok)
        }
    }

    @Test func batchLimitsFollowMLflow() async throws {
        try await TestServer().test { api in
            let (_, id) = try await api.makeRun()
            let metrics = (0..<1001).map { #"{"key":"m","value":1,"timestamp":\#($0)}"# }.joined(separator: ",")
            let answer = try await api.post("runs/log-batch", #"{"run_id":"\#(id)","metrics":[\#(metrics)]}"#)
            #expect(answer.status == .badRequest)
            #expect(answer.message.contains("at most 1000 metrics"), "\(answer.message)")
        }
    }

    @Test func unknownEndpointIsJSON404() async throws {
        try await TestServer().test { api in
            let answer = try await api.post("runs/teleport", "{}")
            #expect(answer.status == .notFound)
            #expect(answer.errorCode == "ENDPOINT_NOT_FOUND")
        }
    }
}
