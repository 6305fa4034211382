import HTTPTypes
import Hummingbird
import NIOCore
import Tracking
import TrackingUI

/// The web UI's pages, charts and static files (`TrackingUI`), on the API's router so the same
/// middleware (auth, logging) applies.
struct UIRoutes: Sendable {
    let ui: WebUI

    /// The UI over the API's store, reading artifacts through the server's artifact store.
    static func makeUI(store: any RunStore, artifacts: ArtifactStore) -> WebUI {
        WebUI(store: store, artifacts: artifacts)
    }

    func register(on router: Router<BasicRequestContext>) {
        for path in ["/", "/compare", "/experiments/:id", "/runs/:id", "/runs/:id/charts/**", "/static/:file"] {
            router.get(RouterPath(path)) { request, _ in
                Self.response(await ui.respond(path: request.uri.path, query: request.uri.query), request: request)
            }
        }
    }

    static func response(_ answer: UIResponse, request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        headers[.cacheControl] = answer.cacheControl
        if let noSniff = HTTPField.Name("X-Content-Type-Options") { headers[noSniff] = "nosniff" }
        if let policy = answer.contentSecurityPolicy { headers[.contentSecurityPolicy] = policy }
        if let etag = answer.etag {
            headers[.eTag] = etag
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
