import Hummingbird
import NotebookFormat

/// `/health`, `/version` and MLflow 3's `server-info`.
enum ServiceRoutes {
    /// The MLflow release whose API this server speaks.
    static let mlflowVersion = "3.17.2"

    static func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in plainText("OK") }
        router.get("/version") { _, _ in plainText(mlflowVersion) }
        for prefix in ["/api/3.0/mlflow", "/ajax-api/3.0/mlflow"] {
            router.get(RouterPath(prefix + "/server-info")) { _, _ in
                // Multipart uploads stay off: the client then PUTs each artifact whole.
                JSONResponse.ok(
                    Wire.object([
                        ("store_type", .string("SqlStore")),
                        ("workspaces_enabled", .bool(false)),
                        ("multipart_uploads_enabled", .bool(false)),
                        ("multipart_downloads_enabled", .bool(false)),
                    ]))
            }
        }
    }

    static func plainText(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
