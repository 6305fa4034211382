import HTMLTemplates
import Tracking

/// The web UI: turns a request path and query string into a page, over any ``RunStore``.
///
/// The server forwards `/`, `/experiments/…`, `/runs/…`, `/compare` and `/static/…` here;
/// tests call ``respond(path:query:)`` directly.
public struct WebUI: Sendable {
    let store: any RunStore
    let artifacts: (any ArtifactBrowsing)?

    public init(store: any RunStore, artifacts: (any ArtifactBrowsing)?) {
        self.store = store
        self.artifacts = artifacts
        _ = UIAssets.templates
    }

    /// The answer for `path` (still percent-encoded) and its query string; errors become pages.
    public func respond(path: String, query: String?) async -> UIResponse {
        do {
            return try await route(path: path, query: QueryParameters(query))
        } catch let error as UIError {
            return Self.errorPage(error)
        } catch let error as TrackingError {
            return Self.errorPage(UIError(error))
        } catch {
            return Self.errorPage(UIError(status: 500, message: "Something went wrong: \(error)"))
        }
    }

    func route(path: String, query: QueryParameters) async throws -> UIResponse {
        let segments = try path.split(separator: "/").map { segment throws(UIError) in
            guard let decoded = URLEncoding.decode(segment, plusIsSpace: false) else {
                throw .badRequest("The path has a malformed percent-escape.")
            }
            return decoded
        }
        switch segments.count {
        case 0:
            return try await ExperimentsPage(store: store).render()
        case 1 where segments[0] == "compare":
            return try await ComparePage(store: store, query: query).render()
        case 2 where segments[0] == "experiments":
            return try await RunsPage(store: store, experimentId: segments[1], query: query).render()
        case 2 where segments[0] == "runs":
            return try await RunPage(store: store, artifacts: artifacts, runId: segments[1], query: query).render()
        case 2 where segments[0] == "static" && segments[1] == "quire.css":
            return .file(UIAssets.stylesheet)
        case 2 where segments[0] == "static" && segments[1] == "quire.js":
            return .file(UIAssets.script)
        case 4 where segments[0] == "runs" && segments[2] == "charts" && segments[3].hasSuffix(".svg"):
            let metric = String(segments[3].dropLast(4))
            return try await ChartPage(store: store, runId: segments[1], metric: metric, query: query).render()
        default:
            throw UIError.notFound("There is no page at \(path).")
        }
    }

    /// Renders a page template with the fields every page has (title, asset URLs).
    static func page(_ template: String, title: String, _ fields: [String: TemplateValue], status: Int = 200) -> UIResponse {
        var context = fields
        context["title"] = .string(title)
        context["stylesheetURL"] = .string(UIAssets.stylesheetURL)
        context["scriptURL"] = .string(UIAssets.scriptURL)
        var output = ""
        output.reserveCapacity(32 * 1024)
        UIAssets.templates.render(template, .object(context), into: &output)
        return .html(output, status: status)
    }

    static func errorPage(_ error: UIError) -> UIResponse {
        let heading = switch error.status {
        case 404: "Not found"
        case 400: "Bad request"
        default: "Error"
        }
        return page(
            "error", title: "\(heading) — Quire",
            ["heading": .string(heading), "message": .string(error.message), "status": .string(String(error.status))],
            status: error.status)
    }
}
