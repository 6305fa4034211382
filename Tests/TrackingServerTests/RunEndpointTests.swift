import HTTPTypes
import NotebookFormat
import Testing

@Suite struct RunEndpointTests {
    @Test func createReturnsMLflowShape() async throws {
        try await TestServer().test { api in
            let created = try await api.post("experiments/create", #"{"name":"e"}"#)
            let exp = try #require(created["experiment_id"]?.stringValue)
            let run = try await api.post("runs/create", #"""
                {"experiment_id":"\#(exp)","user_id":"root","run_name":"run-a","start_time":1795776885652,
                 "tags":[{"key":"mlflow.user","value":"root"},{"key":"mlflow.runName","value":"run-a"}]}
                """#)
            #expect(run.status == .ok)
            let id = try #require(run["run.info.run_id"]?.stringValue)
            #expect(run["run.info.run_uuid"] == .string(id))
            #expect(run["run.info.status"] == .string("RUNNING"))
            #expect(run["run.info.start_time"]?.numberLiteral == "1795776885652")
            #expect(run["run.info.artifact_uri"] == .string("mlflow-artifacts:/\(exp)/\(id)/artifacts"))
            #expect(run["run.info.lifecycle_stage"] == .string("active"))
            #expect(run["run.info.end_time"] == nil)
            #expect(run["run.inputs"] == .object(JSONObject()))
            #expect(run["run.data.tags"]?.arrayValue?.count == 2)
            #expect(run["run.data.metrics"] == nil)
        }
    }

    @Test func serverNamesARunWithoutName() async throws {
        try await TestServer().test { api in
            let run = try await api.post("runs/create", #"{"experiment_id":"0","user_id":"unknown","start_time":1}"#)
            let name = try #require(run["run.info.run_name"]?.stringValue)
            #expect(!name.isEmpty)
            #expect(run["run.data.tags.0"] == .object(JSONObject(["key": .string("mlflow.runName"), "value": .string(name)])))
        }
    }

    @Test func loggedValuesComeBackWithNumbersAsMLflowWritesThem() async throws {
        try await TestServer().test { api in
            let (_, id) = try await api.makeRun()
            _ = try await api.post("runs/log-parameter", #"{"run_id":"\#(id)","run_uuid":"\#(id)","key":"lr","value":"0.01"}"#)
            _ = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"acc","value":0.6,"timestamp":1795776892764,"step":1}"#)
            // int64 sent as strings, as proto3 JSON allows.
            let asStrings = try await api.post("runs/log-metric", #"{"run_uuid":"\#(id)","key":"acc","value":0.7,"timestamp":"1795776892765","step":"2"}"#)
            #expect(asStrings.status == .ok)
            _ = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"loss","value":"NaN","timestamp":5}"#)
            _ = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"big","value":1e16,"timestamp":5}"#)
            _ = try await api.post("runs/set-tag", #"{"run_id":"\#(id)","key":"note","value":"hi"}"#)
            let got = try await api.get("runs/get?run_uuid=\(id)&run_id=\(id)")
            let metrics = try #require(got["run.data.metrics"]?.arrayValue)
            #expect(metrics.count == 3)
            #expect(got["run.data.metrics.0.key"] == .string("acc"))
            #expect(got["run.data.metrics.0.value"]?.numberLiteral == "0.7")
            #expect(got["run.data.metrics.0.step"]?.numberLiteral == "2")
            #expect(got["run.data.metrics.0.timestamp"]?.numberLiteral == "1795776892765")
            #expect(got["run.data.metrics.1.value"]?.numberLiteral == "1e+16")
            #expect(got["run.data.metrics.2.value"] == .string("NaN"))
            #expect(got["run.data.params.0.value"] == .string("0.01"))
            #expect(got["run.data.tags"]?.arrayValue?.contains { $0.objectValue?["key"] == .string("note") } == true)
            #expect(got["run.outputs"] == .object(JSONObject()))
            #expect(!String(decoding: got.body, as: UTF8.self).contains("\"1795776892765\""))
        }
    }

    @Test func logBatchAndHistory() async throws {
        try await TestServer().test { api in
            let (_, id) = try await api.makeRun()
            let batch = try await api.post("runs/log-batch", #"""
                {"run_id":"\#(id)","metrics":[{"key":"m","value":1,"timestamp":10,"step":0},{"key":"m","value":2,"timestamp":11,"step":1},
                 {"key":"m","value":"Infinity","timestamp":12,"step":2}],"params":[{"key":"p","value":"x"}],"tags":[{"key":"t","value":"y"}]}
                """#)
            #expect(batch.status == .ok && batch.json == .object(JSONObject()))
            let history = try await api.get("metrics/get-history?run_uuid=\(id)&metric_key=m&run_id=\(id)&max_results=25000")
            let values = history["metrics"]?.arrayValue?.compactMap { $0.objectValue?["value"] }
            // MLflow's SQL store answers +inf with the largest double (reference §2).
            #expect(values == [
                .number(JSONNumber(literal: "1.0")), .number(JSONNumber(literal: "2.0")),
                .number(JSONNumber(literal: "1.7976931348623157e+308")),
            ])
            #expect(history["next_page_token"] == nil)
            let sampled = try await api.get("metrics/get-history-bulk-interval?run_ids=\(id)&metric_key=m&max_results=2")
            let steps = sampled["metrics"]?.arrayValue?.compactMap { $0.objectValue?["step"]?.numberLiteral }
            #expect(steps == ["0", "2"])
            #expect(sampled["metrics.0.run_id"] == .string(id))
        }
    }

    @Test func updateDeleteRestore() async throws {
        try await TestServer().test { api in
            let (_, id) = try await api.makeRun()
            let updated = try await api.post("runs/update", #"{"run_id":"\#(id)","run_uuid":"\#(id)","status":"FINISHED","end_time":1700000009999}"#)
            #expect(updated["run_info.status"] == .string("FINISHED"))
            #expect(updated["run_info.end_time"]?.numberLiteral == "1700000009999")
            _ = try await api.post("runs/update", #"{"run_id":"\#(id)","run_name":"renamed"}"#)
            #expect(try await api.get("runs/get?run_id=\(id)")["run.info.run_name"] == .string("renamed"))
            #expect(try await api.post("runs/delete", #"{"run_id":"\#(id)"}"#).status == .ok)
            #expect(try await api.get("runs/get?run_id=\(id)")["run.info.lifecycle_stage"] == .string("deleted"))
            #expect(try await api.post("runs/restore", #"{"run_id":"\#(id)"}"#).status == .ok)
            #expect(try await api.get("runs/get?run_id=\(id)")["run.info.lifecycle_stage"] == .string("active"))
        }
    }

    @Test func searchWithOrAndParentheses() async throws {
        try await TestServer().test { api in
            let (exp, a) = try await api.makeRun(name: "a")
            var ids = [a]
            for name in ["b", "c"] {
                let run = try await api.post("runs/create", #"{"experiment_id":"\#(exp)","run_name":"\#(name)","start_time":1}"#)
                ids.append(try #require(run["run.info.run_id"]?.stringValue))
            }
            for (i, id) in ids.enumerated() {
                _ = try await api.post("runs/log-metric", #"{"run_id":"\#(id)","key":"acc","value":\#(Double(i) / 2),"timestamp":1}"#)
                _ = try await api.post("runs/log-parameter", #"{"run_id":"\#(id)","key":"opt","value":"\#(i == 2 ? "adam" : "sgd")"}"#)
            }
            let found = try await api.post("runs/search", #"""
                {"experiment_ids":["\#(exp)"],"filter":"(metrics.acc >= 0.5 AND params.opt = 'sgd') OR run_name = 'a'",
                 "run_view_type":"ACTIVE_ONLY","max_results":10,"order_by":["metrics.acc DESC"]}
                """#)
            let names = found["runs"]?.arrayValue?.compactMap { $0.objectValue?["info"]?.objectValue?["run_name"]?.stringValue }
            #expect(names == ["b", "a"])
            let none = try await api.post("runs/search", #"{"experiment_ids":["\#(exp)"],"filter":"metrics.acc > 5"}"#)
            #expect(none.json == .object(JSONObject()))
        }
    }

    @Test func logInputsAndLoggedModelsSearchAnswerAcceptably() async throws {
        try await TestServer().test { api in
            let (exp, id) = try await api.makeRun()
            #expect(try await api.post("runs/log-inputs", #"{"run_id":"\#(id)","datasets":[]}"#).status == .ok)
            let models = try await api.post("logged-models/search", #"{"experiment_ids":["\#(exp)"],"filter":"name = 'outdir'"}"#)
            #expect(models.status == .ok && models.json == .object(JSONObject()))
            #expect(try await api.call(.get, "/health").body == Array("OK".utf8))
            let info = try await api.call(.get, "/api/3.0/mlflow/server-info")
            #expect(info["multipart_uploads_enabled"] == .bool(false))
        }
    }
}
