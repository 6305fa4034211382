import Hummingbird
import NotebookFormat

/// MLflow's artifact proxy (`mlflow_artifacts.proto`): `PUT`/`GET`/`DELETE
/// …/mlflow-artifacts/artifacts/<path>` and `GET …/mlflow-artifacts/artifacts?path=<dir>`.
struct ArtifactRoutes: Sendable {
    static let prefixes = ["/api/2.0/mlflow-artifacts/artifacts", "/ajax-api/2.0/mlflow-artifacts/artifacts"]

    let store: ArtifactStore

    func register(on router: Router<BasicRequestContext>) {
        for prefix in Self.prefixes {
            router.get(RouterPath(prefix)) { request, _ in
                let fields = try RequestFields(query: request.uri.query)
                let raw = Self.rawQueryValue(request.uri.query, name: "path") ?? ""
                _ = try fields.string("path")
                return JSONResponse.ok(store.list(try ArtifactPath(encoded: raw[...], isQueryValue: true)))
            }
            router.put(RouterPath(prefix + "/**")) { request, context in
                try await store.upload(request.body, to: try Self.path(of: request, prefix: prefix), context: context)
                return JSONResponse.ok(Wire.empty)
            }
            router.get(RouterPath(prefix + "/**")) { request, context in
                try await store.download(try Self.path(of: request, prefix: prefix), context: context)
            }
            router.delete(RouterPath(prefix + "/**")) { request, _ in
                try store.delete(try Self.path(of: request, prefix: prefix))
                return JSONResponse.ok(Wire.empty)
            }
        }
    }

    /// The artifact path as sent: the raw URL path after the prefix, checked before decoding.
    static func path(of request: Request, prefix: String) throws(APIError) -> ArtifactPath {
        let raw = request.uri.path
        guard raw.hasPrefix(prefix + "/") else { throw .invalidParameter("An artifact path is required.") }
        return try ArtifactPath(encoded: raw.dropFirst(prefix.utf8.count + 1))
    }

    /// The still-encoded value of the last `name=` parameter of a query string.
    static func rawQueryValue(_ query: String?, name: String) -> Substring? {
        guard let query else { return nil }
        var found: Substring?
        for part in query.split(separator: "&") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pieces[0] == name[...] { found = pieces.count > 1 ? pieces[1] : "" }
        }
        return found
    }
}
