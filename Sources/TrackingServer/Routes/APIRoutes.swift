import HTTPTypes
import Hummingbird
import NIOCore
import NotebookFormat
import Tracking

/// MLflow's tracking REST API (`service.proto`) over a ``RunStore``, registered under both
/// `/api/2.0/mlflow` (the client) and `/ajax-api/2.0/mlflow` (MLflow's web UI).
struct APIRoutes: Sendable {
    typealias Context = BasicRequestContext
    typealias Handler = @Sendable (RequestFields) async throws -> any WireAnswer

    static let prefixes = ["/api/2.0/mlflow", "/ajax-api/2.0/mlflow"]

    let store: any RunStore
    /// The largest JSON request body accepted, in bytes.
    let maxBodyBytes: Int

    func register(on router: Router<Context>) {
        for prefix in Self.prefixes {
            let group = router.group(RouterPath(prefix))
            registerExperiments(on: group)
            registerRuns(on: group)
            registerLogging(on: group)
            registerMetrics(on: group)
            registerLoggedModels(on: group)
        }
    }

    /// Adds `path` for each method: GETs read the query string, other methods the JSON body.
    func endpoint(
        _ group: RouterGroup<Context>, _ path: String, _ methods: [HTTPRequest.Method], _ handler: @escaping Handler
    ) {
        let limit = maxBodyBytes
        for method in methods {
            group.on(RouterPath(path), method: method) { request, _ in
                let fields = try await Self.fields(of: request, limit: limit)
                return JSONResponse.ok(try await handler(fields))
            }
        }
    }

    static func fields(of request: Request, limit: Int) async throws -> RequestFields {
        if request.method == .get || request.method == .head {
            return try RequestFields(query: request.uri.query)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: Int64(limit))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: Int64(limit))
        }
        var fields = try RequestFields(jsonBody: Array(buffer.readableBytesView))
        fields.byteCount = buffer.readableBytes
        return fields
    }
}

extension APIRoutes {
    /// Calls the store, turning its ``TrackingError`` into MLflow's error answer.
    func call<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as TrackingError { throw APIError(error) }
    }
}
