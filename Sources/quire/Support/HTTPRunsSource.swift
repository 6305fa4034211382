import NotebookFormat
import Tracking
import TrackingServer

/// Reads runs from a tracking server (quire serve or MLflow) over its REST API.
struct HTTPRunsSource: RunsSource {
    let client: HTTPClient

    func experimentIds(_ nameOrId: String?) async throws -> [String] {
        if let nameOrId {
            let byName = try? call("GET", "experiments/get-by-name?experiment_name=\(percentEncoded(nameOrId))")
            if let id = byName?.objectValue?["experiment"]?.objectValue?["experiment_id"]?.stringValue { return [id] }
            let byId = try? call("GET", "experiments/get?experiment_id=\(percentEncoded(nameOrId))")
            if let id = byId?.objectValue?["experiment"]?.objectValue?["experiment_id"]?.stringValue { return [id] }
            throw RunsError("No experiment named or numbered '\(nameOrId)'.")
        }
        var ids: [String] = []
        var token: String?
        repeat {
            let body = Wire.object([("max_results", .int(1000)), ("page_token", token.map(JSONValue.string))])
            let answer = try call("POST", "experiments/search", body: body).objectValue
            for experiment in answer?["experiments"]?.arrayValue ?? [] {
                if let id = experiment.objectValue?["experiment_id"]?.stringValue { ids.append(id) }
            }
            token = answer?["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return ids
    }

    func searchRuns(experimentIds: [String], filter: String?, orderBy: [String], maxResults: Int) async throws -> [Run] {
        var runs: [Run] = []
        var token: String?
        repeat {
            let size = min(maxResults - runs.count, TrackingLimits.searchMaxResultsDefault)
            let body = Wire.object([
                ("experiment_ids", .array(experimentIds.map(JSONValue.string))),
                ("filter", filter.map(JSONValue.string)),
                ("max_results", .int(size)),
                ("order_by", Wire.list(orderBy.map(JSONValue.string))),
                ("page_token", token.map(JSONValue.string)),
            ])
            let answer = try call("POST", "runs/search", body: body).objectValue
            runs += try (answer?["runs"]?.arrayValue ?? []).map(WireDecoding.run)
            token = answer?["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil && runs.count < maxResults
        return runs
    }

    func run(id: String) async throws -> Run {
        let answer = try call("GET", "runs/get?run_id=\(percentEncoded(id))")
        guard let run = answer.objectValue?["run"] else { throw RunsError("The server's answer has no run.") }
        return try WireDecoding.run(run)
    }

    func metricHistory(runId: String, key: String) async throws -> [Metric] {
        var points: [Metric] = []
        var token: String?
        repeat {
            var path = "metrics/get-history?run_id=\(percentEncoded(runId))&metric_key=\(percentEncoded(key))"
            if let token { path += "&page_token=\(percentEncoded(token))" }
            let answer = try call("GET", path).objectValue
            points += try (answer?["metrics"]?.arrayValue ?? []).map(WireDecoding.metric)
            token = answer?["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return points
    }

    func close() async {}

    /// One API call; MLflow's error bodies become ``TrackingError``s with their message.
    private func call(_ method: String, _ path: String, body: JSONValue? = nil) throws -> JSONValue {
        let bytes = body.map { JSONWriter(indent: nil, sortKeys: false).bytes($0) }
        let response = try client.send(method: method, path: "/api/2.0/mlflow/" + path, body: bytes)
        let json = try? JSONParser.parse(response.body)
        guard response.status == 200 else {
            let object = json?.objectValue
            let message = object?["message"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            let code = object?["error_code"]?.stringValue.map(TrackingError.Code.init(rawValue:))
            if response.status == 401 || response.status == 403 {
                throw RunsError("The server refused access (HTTP \(response.status)): set MLFLOW_TRACKING_TOKEN.")
            }
            throw TrackingError(code ?? .internalError, "HTTP \(response.status) from the server: \(message)")
        }
        guard let json else { throw RunsError("The server's answer to \(path) is not JSON.") }
        return json
    }

    private func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
