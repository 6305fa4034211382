import HTTPTypes
import Testing
import TrackingServer

/// The web UI through the server's router: content types, caching, 404s, auth and artifacts.
@Suite struct UIEndpointTests {
    func text(_ answer: APIClient.Answer) -> String { String(decoding: answer.body, as: UTF8.self) }

    @Test func pagesAreUncachedHTML() async throws {
        try await TestServer().test { api in
            let (experimentId, runId) = try await api.makeRun(experiment: "vision", name: "alpha")
            for path in ["/", "/experiments/\(experimentId)", "/runs/\(runId)"] {
                let answer = try await api.call(.get, path)
                #expect(answer.status == .ok, "\(path)")
                #expect(answer.headers[.contentType] == "text/html; charset=utf-8")
                #expect(answer.headers[.cacheControl] == "no-store")
                let policy = try #require(answer.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
            }
            #expect(text(try await api.call(.get, "/")).contains("<a href=\"/experiments/\(experimentId)\">vision</a>"))
            let runs = text(try await api.call(.get, "/experiments/\(experimentId)"))
            #expect(runs.contains("<tr data-run-id=\"\(runId)\">"))
        }
    }

    @Test func unknownIdsAndBadParametersAreHTMLErrorPages() async throws {
        try await TestServer().test { api in
            let missing = try await api.call(.get, "/experiments/424242")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(text(missing).contains("<a href=\"/\">"))
            #expect(try await api.call(.get, "/runs/ffffffffffffffffffffffffffffffff").status == .notFound)
            #expect(try await api.call(.get, "/experiments/0?per_page=0").status == .badRequest)
            #expect(try await api.call(.get, "/compare?runs=abc").status == .badRequest)
        }
    }

    @Test func staticFilesHaveAnETagAndLongCaching() async throws {
        try await TestServer().test { api in
            let css = try await api.call(.get, "/static/quire.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let etag = try #require(css.headers[.eTag])
            var api = api
            api.headers[.ifNoneMatch] = etag
            #expect(try await api.call(.get, "/static/quire.css").status == .notModified)
        }
    }

    @Test func uiNeedsTheSameCredentialsAsTheAPI() async throws {
        try await TestServer(access: AccessControl(bearerToken: "s3cret")).test { api in
            let denied = try await api.call(.get, "/")
            #expect(denied.status == .unauthorized)
            var authorized = api
            authorized.headers[.authorization] = "Bearer s3cret"
            let allowed = try await authorized.call(.get, "/")
            #expect(allowed.status == .ok)
        }
    }

    @Test func runPagePreviewsUploadedTextAndImages() async throws {
        try await TestServer().test { api in
            let (experimentId, runId) = try await api.makeRun()
            let base = "/api/2.0/mlflow-artifacts/artifacts/\(experimentId)/\(runId)/artifacts"
            _ = try await api.call(.put, "\(base)/notes.txt", bytes: Array("accuracy went up\n".utf8))
            _ = try await api.call(.put, "\(base)/plots/roc.png", bytes: [0x89, 0x50, 0x4E, 0x47])
            let text = self.text(try await api.call(.get, "/runs/\(runId)?path=notes.txt"))
            #expect(text.contains("<pre>accuracy went up\n</pre>"))
            let folder = self.text(try await api.call(.get, "/runs/\(runId)?path=plots"))
            #expect(folder.contains("<img class=\"thumb\" src=\"\(base)/plots/roc.png\" alt=\"roc.png\" loading=\"lazy\">"))
            _ = try await api.post("runs/log-metric", #"{"run_id":"\#(runId)","key":"loss","value":0.5,"timestamp":1,"step":0}"#)
            let chart = try await api.call(.get, "/runs/\(runId)/charts/loss.svg")
            #expect(chart.headers[.contentType] == "image/svg+xml")
            #expect(chart.headers[.contentSecurityPolicy] == "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
            let image = try await api.call(.get, "\(base)/plots/roc.png")
            #expect(image.headers[.contentType] == "image/png")
            #expect(try await api.call(.get, "/runs/\(runId)?path=..%2F..%2Fetc").status == .badRequest)
        }
    }
}
