import Tracking

/// MLflow's shapes of experiments, runs and metrics (`message_to_json` of its protos): snake_case
/// names in proto order, empty repeated fields and absent optionals left out.
extension WireWriter {
    public mutating func experiment(_ experiment: Experiment) {
        object {
            $0.field("experiment_id"); $0.string(experiment.experimentId)
            $0.field("name"); $0.string(experiment.name)
            $0.field("artifact_location"); $0.string(experiment.artifactLocation)
            $0.field("lifecycle_stage"); $0.string(experiment.lifecycleStage.rawValue)
            $0.field("last_update_time"); $0.int64(experiment.lastUpdateTime)
            $0.field("creation_time"); $0.int64(experiment.creationTime)
            $0.keyValues("tags", experiment.tags)
        }
    }

    public mutating func runInfo(_ info: RunInfo) {
        object {
            $0.field("run_uuid"); $0.string(info.runId)
            $0.field("run_id"); $0.string(info.runId)
            $0.field("experiment_id"); $0.string(info.experimentId)
            $0.field("run_name"); $0.string(info.runName)
            $0.field("user_id"); $0.string(info.userId)
            $0.field("status"); $0.string(info.status.rawValue)
            $0.field("start_time"); $0.int64(info.startTime)
            if let end = info.endTime { $0.field("end_time"); $0.int64(end) }
            $0.field("artifact_uri"); $0.string(info.artifactUri)
            $0.field("lifecycle_stage"); $0.string(info.lifecycleStage.rawValue)
        }
    }

    public mutating func metric(_ metric: Metric, runId: String? = nil) {
        object {
            $0.field("key"); $0.string(metric.key)
            $0.field("value"); $0.double(metric.value)
            $0.field("timestamp"); $0.int64(metric.timestamp)
            $0.field("step"); $0.int64(metric.step)
            if let runId { $0.field("run_id"); $0.string(runId) }
        }
    }

    /// `"metrics":[…]`; nothing when `metrics` is empty.
    public mutating func metrics(_ metrics: [Metric]) {
        guard !metrics.isEmpty else { return }
        field("metrics")
        array { list in for metric in metrics { list.metric(metric) } }
    }

    /// A run as `runs/get` and `runs/search` return it; `runs/create` leaves out `outputs`.
    public mutating func run(_ run: Run, withOutputs: Bool = true) {
        object {
            $0.field("info"); $0.runInfo(run.info)
            $0.field("data")
            $0.object {
                $0.metrics(run.data.metrics.values.sorted { $0.key < $1.key })
                $0.keyValues("params", run.data.params)
                $0.keyValues("tags", run.data.tags)
            }
            $0.field("inputs"); $0.object { _ in }
            if withOutputs { $0.field("outputs"); $0.object { _ in } }
        }
    }

    /// `"name":[{"key":…,"value":…}]` sorted by key; nothing when `pairs` is empty.
    mutating func keyValues(_ name: StaticString, _ pairs: [String: String]) {
        guard !pairs.isEmpty else { return }
        field(name)
        array { writer in
            for (key, value) in pairs.sorted(by: { $0.key < $1.key }) {
                writer.object {
                    $0.field("key"); $0.string(key)
                    $0.field("value"); $0.string(value)
                }
            }
        }
    }
}
