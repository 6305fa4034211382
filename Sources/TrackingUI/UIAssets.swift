import HTMLTemplates
import StableHash

/// The templates, stylesheet and script embedded in the binary (`Templates/`, `Static/`).
enum UIAssets {
    /// Parsed once, on first use (``WebUI/init(store:artifacts:)`` touches it at start-up).
    static let templates: TemplateLibrary = {
        let sources: [String: [UInt8]] = [
            "head": PackageResources.head_mustache,
            "foot": PackageResources.foot_mustache,
            "experiments": PackageResources.experiments_mustache,
            "runs": PackageResources.runs_mustache,
            "run": PackageResources.run_mustache,
            "compare": PackageResources.compare_mustache,
            "error": PackageResources.error_mustache,
        ]
        do {
            return try TemplateLibrary(sources.mapValues { String(decoding: $0, as: UTF8.self) })
        } catch {
            preconditionFailure("an embedded template does not parse: \(error)")
        }
    }()

    static let stylesheet = StaticFile(bytes: PackageResources.quire_css, contentType: "text/css; charset=utf-8")
    static let script = StaticFile(bytes: PackageResources.quire_js, contentType: "text/javascript; charset=utf-8")

    /// `/static/quire.css?v=<hash>`: a new URL whenever the content changes, so it may be cached for long.
    static var stylesheetURL: String { "/static/quire.css?v=" + stylesheet.hash }
    static var scriptURL: String { "/static/quire.js?v=" + script.hash }
}

/// A file served as is, with a content hash for its URL and ETag.
struct StaticFile: Sendable {
    let bytes: [UInt8]
    let contentType: String
    /// FNV-1a 64 of the content, hex: tells versions apart, not a secret.
    let hash: String

    init(bytes: [UInt8], contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
        var hash = FNV1a()
        hash.combine(bytes: bytes)
        self.hash = String(hash.value, radix: 16)
    }
}
