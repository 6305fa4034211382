import Tracking

extension Database {
    static let runColumns =
        "run_uuid, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage"

    /// The attributes of one run, or `RESOURCE_DOES_NOT_EXIST`.
    func runInfo(_ runId: String) throws -> RunInfo {
        try Validation.runId(runId)
        let select = try prepare("SELECT \(Self.runColumns) FROM runs WHERE run_uuid = ?").bind([.text(runId)])
        guard try select.step() else { throw TrackingError.runNotFound(runId) }
        return Self.runInfo(select)
    }

    /// The attributes of an active run; logging to a deleted run is `INVALID_PARAMETER_VALUE`.
    func activeRunInfo(_ runId: String) throws -> RunInfo {
        let info = try runInfo(runId)
        guard info.lifecycleStage == .active else { throw TrackingError.runNotActive(runId, stage: info.lifecycleStage) }
        return info
    }

    /// The run columns of a row, in ``runColumns``' order from column `first`.
    private static func runInfo(_ row: Statement, from first: Int32 = 0) -> RunInfo {
        RunInfo(
            runId: row.text(first), experimentId: String(row.int64(first + 1)), runName: row.text(first + 2),
            userId: row.text(first + 3), status: RunStatus(rawValue: row.text(first + 4)) ?? .running,
            startTime: row.int64(first + 5), endTime: row.optionalInt64(first + 6), artifactUri: row.text(first + 7),
            lifecycleStage: LifecycleStage(rawValue: row.text(first + 8)) ?? .active)
    }

    /// Runs with their data, in the order of `runIds` (unknown ids are skipped, a repeated id
    /// comes back repeated). One query per table walks the ids as a JSON array (`json_each`) and
    /// seeks each run's rows; the array index says which run a row belongs to, so no row's run
    /// id is turned into a string or looked up, and no temporary index of the ids is built (an
    /// `IN (?, …)` list builds one per query).
    func runs(_ runIds: [String]) throws -> [Run] {
        guard !runIds.isEmpty else { return [] }
        let ids = SQLValue.text(Self.jsonArray(runIds))
        var loaded = [Run?](repeating: nil, count: runIds.count)
        let infos = try prepare(
            "SELECT ids.key, \(Self.runColumns) FROM json_each(?) ids JOIN runs ON run_uuid = ids.value"
        ).bind([ids])
        while try infos.step() {
            loaded[Int(infos.int64(0))] = Run(info: Self.runInfo(infos, from: 1))
        }
        let params = try prepare(
            "SELECT ids.key, params.key, params.value FROM json_each(?) ids JOIN params ON params.run_uuid = ids.value"
        ).bind([ids])
        while try params.step() {
            loaded[Int(params.int64(0))]?.data.params[params.text(1)] = params.text(2)
        }
        let tags = try prepare("SELECT ids.key, tags.key, tags.value FROM json_each(?) ids JOIN tags ON tags.run_uuid = ids.value")
            .bind([ids])
        while try tags.step() {
            loaded[Int(tags.int64(0))]?.data.tags[tags.text(1)] = tags.text(2)
        }
        let metrics = try prepare(
            "SELECT ids.key, m.key, m.value, m.is_nan, m.timestamp, m.step "
                + "FROM json_each(?) ids JOIN latest_metrics m ON m.run_uuid = ids.value"
        ).bind([ids])
        while try metrics.step() {
            let key = metrics.text(1)
            let value = metrics.int64(3) != 0 ? Double.nan : metrics.double(2)
            loaded[Int(metrics.int64(0))]?.data.metrics[key] = Metric(
                key: key, value: value, timestamp: metrics.int64(4), step: metrics.int64(5))
        }
        return loaded.compactMap { $0 }
    }

    /// `["id1","id2",…]`, with JSON escapes for any `"`, `\` or control character.
    private static func jsonArray(_ strings: [String]) -> String {
        var json = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case _ where scalar.value < 0x20: json += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }
}
