import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NotebookFormat
import Testing
import Tracking
import TrackingServer

/// A server over an in-memory store and a temporary artifact folder, driven without a socket.
struct TestServer {
    let artifactRoot: String
    let app: Application<RouterResponder<BasicRequestContext>>

    init(access: AccessControl? = nil, maxBodyBytes: Int = 4 << 20, maxArtifactBytes: Int64 = 1 << 20) {
        artifactRoot = FileManager.default.temporaryDirectory.appendingPathComponent("quire-artifacts-\(UUID().uuidString)").path
        let configuration = TrackingServerConfiguration(
            artifactRoot: artifactRoot, accessControl: access, logsRequests: false,
            maxRequestBodyBytes: maxBodyBytes, maxArtifactBytes: maxArtifactBytes)
        try? FileManager.default.createDirectory(atPath: artifactRoot, withIntermediateDirectories: true)
        app = Application(router: TrackingServer.makeRouter(store: InMemoryRunStore(), configuration: configuration))
    }

    /// Runs `body` with a client, then removes the artifact folder.
    func test(_ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(atPath: artifactRoot) }
        try await app.test(.router) { client in try await body(APIClient(client: client)) }
    }
}

/// Calls with JSON in and out.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    var headers: HTTPFields = [:]

    struct Answer {
        var status: HTTPResponse.Status
        var json: JSONValue?
        var body: [UInt8]
        var headers: HTTPFields

        /// A field of the JSON object answer, by path (`"run.info.run_id"`).
        subscript(path: String) -> JSONValue? {
            var value = json
            for key in path.split(separator: ".") {
                if let index = Int(key), case .array(let items)? = value {
                    value = index < items.count ? items[index] : nil
                } else {
                    value = value?.objectValue?[String(key)]
                }
            }
            return value
        }

        var errorCode: String? { self["error_code"]?.stringValue }
        var message: String { self["message"]?.stringValue ?? "" }
    }

    func call(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, bytes: [UInt8]? = nil) async throws -> Answer {
        let body = json.map { ByteBuffer(string: $0) } ?? bytes.map { ByteBuffer(bytes: $0) }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let data = Array(response.body.readableBytesView)
        let json = try? JSONParser.parse(data)
        return Answer(status: response.status, json: json, body: data, headers: response.headers)
    }

    func post(_ path: String, _ json: String, prefix: String = "/api/2.0/mlflow/") async throws -> Answer {
        try await call(.post, prefix + path, json: json)
    }

    func get(_ pathAndQuery: String, prefix: String = "/api/2.0/mlflow/") async throws -> Answer {
        try await call(.get, prefix + pathAndQuery)
    }

    /// Creates an experiment and a run in it; returns (experiment id, run id).
    func makeRun(experiment: String = "exp", name: String = "run-a") async throws -> (String, String) {
        let created = try await post("experiments/create", #"{"name":"\#(experiment)"}"#)
        let experimentId = try #require(created["experiment_id"]?.stringValue)
        let run = try await post(
            "runs/create", #"{"experiment_id":"\#(experimentId)","run_name":"\#(name)","start_time":1700000000000}"#)
        return (experimentId, try #require(run["run.info.run_id"]?.stringValue))
    }
}

extension JSONValue {
    /// The number's literal, for exact checks of how numbers are written.
    var numberLiteral: String? {
        if case .number(let n) = self { return n.literal }
        return nil
    }
}
