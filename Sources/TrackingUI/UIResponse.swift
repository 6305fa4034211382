/// What the server sends for a UI request.
public struct UIResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var cacheControl: String
    public var etag: String?
    /// What the browser may load and run for this answer (pages show users' notes, params and
    /// artifact names: if escaping ever slipped, no injected script or remote load would run).
    public var contentSecurityPolicy: String?

    public init(
        status: Int, contentType: String, body: [UInt8], cacheControl: String = "no-store", etag: String? = nil,
        contentSecurityPolicy: String? = nil
    ) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.cacheControl = cacheControl
        self.etag = etag
        self.contentSecurityPolicy = contentSecurityPolicy
    }

    /// Pages: our script, our stylesheet plus the inline charts' `<style>`, same-origin images
    /// (artifact previews), forms back to us, never framed.
    static let pagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    /// A chart opened alone: its own `<style>` and nothing else.
    static let chartPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

    /// The body as text (pages and charts are UTF-8).
    public var text: String { String(decoding: body, as: UTF8.self) }

    static func html(_ page: String, status: Int = 200) -> UIResponse {
        UIResponse(
            status: status, contentType: "text/html; charset=utf-8", body: Array(page.utf8), contentSecurityPolicy: pagePolicy)
    }

    static func svg(_ svg: String) -> UIResponse {
        UIResponse(status: 200, contentType: "image/svg+xml", body: Array(svg.utf8), contentSecurityPolicy: chartPolicy)
    }

    static func file(_ file: StaticFile) -> UIResponse {
        UIResponse(
            status: 200, contentType: file.contentType, body: file.bytes,
            cacheControl: "public, max-age=31536000, immutable", etag: "\"\(file.hash)\"")
    }
}
