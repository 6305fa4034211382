import Testing
import Tracking
import TrackingServer

/// The bytes of MLflow's answers, written out by hand from MLflow's `message_to_json` shapes.
@Suite struct WireWriterTests {
    @Test func runWithEveryKindOfValue() {
        let info = RunInfo(
            runId: "r1", experimentId: "7", runName: "say \"hi\"", userId: "ana", status: .finished,
            startTime: 1_700_000_000_123, endTime: -5, artifactUri: "mlflow-artifacts:/7/r1/artifacts",
            lifecycleStage: .active)
        let run = Run(info: info, data: RunData(
            metrics: [
                "nan": Metric(key: "nan", value: .nan, timestamp: 0, step: 0),
                "b": Metric(key: "b", value: -.infinity, timestamp: 1, step: Int64.min),
                "a": Metric(key: "a", value: 0.1, timestamp: 2, step: 3),
            ],
            params: ["lr": "1e-3", "z": "ü\n"],
            tags: ["mlflow.runName": "say \"hi\""]))
        let bytes = WireWriter.encode { $0.run(run) }
        let expected = #"{"info":{"run_uuid":"r1","run_id":"r1","experiment_id":"7","run_name":"say \"hi\"","#
            + #""user_id":"ana","status":"FINISHED","start_time":1700000000123,"end_time":-5,"#
            + #""artifact_uri":"mlflow-artifacts:/7/r1/artifacts","lifecycle_stage":"active"},"#
            + #""data":{"metrics":[{"key":"a","value":0.1,"timestamp":2,"step":3},"#
            + #"{"key":"b","value":"-Infinity","timestamp":1,"step":-9223372036854775808},"#
            + #"{"key":"nan","value":"NaN","timestamp":0,"step":0}],"#
            + #""params":[{"key":"lr","value":"1e-3"},{"key":"z","value":"ü\n"}],"#
            + #""tags":[{"key":"mlflow.runName","value":"say \"hi\""}]},"inputs":{},"outputs":{}}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func emptyRunLeavesOutRepeatedFieldsAndEndTime() {
        let info = RunInfo(
            runId: "r2", experimentId: "0", runName: "", userId: "", status: .running, startTime: 0,
            endTime: nil, artifactUri: "", lifecycleStage: .deleted)
        let bytes = WireWriter.encode { $0.run(Run(info: info), withOutputs: false) }
        let expected = #"{"info":{"run_uuid":"r2","run_id":"r2","experiment_id":"0","run_name":"","user_id":"","#
            + #""status":"RUNNING","start_time":0,"artifact_uri":"","lifecycle_stage":"deleted"},"data":{},"inputs":{}}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func nestedListsAndMetricsWithRunIds() {
        let bytes = WireWriter.encode { writer in
            writer.object {
                $0.field("metrics")
                $0.array { list in
                    list.metric(Metric(key: "x", value: 1e22, timestamp: 5, step: 1), runId: "r")
                    list.metric(Metric(key: "x", value: 2.5, timestamp: 6, step: 2), runId: "r")
                }
                $0.field("ok"); $0.bool(true)
                $0.field("n"); $0.int64(0)
            }
        }
        let expected = #"{"metrics":[{"key":"x","value":1e+22,"timestamp":5,"step":1,"run_id":"r"},"#
            + #"{"key":"x","value":2.5,"timestamp":6,"step":2,"run_id":"r"}],"ok":true,"n":0}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
