import Testing
import Tracking
@testable import TrackingUI

@Suite struct PageTests {
    @Test func experimentsPageListsActiveExperimentsWithRunCounts() async throws {
        let seeded = try await SeededStore.make()
        let answer = await WebUI(store: seeded.store, artifacts: nil).respond(path: "/", query: nil)
        #expect(answer.status == 200)
        let html = answer.text
        let ids = HTML.values(of: "data-experiment-id", after: "<tr ", in: html)
        #expect(Set(ids) == ["0", seeded.experimentId, seeded.emptyExperimentId])
        #expect(html.contains(
            "<tr data-experiment-id=\"\(seeded.experimentId)\"><td><a href=\"/experiments/\(seeded.experimentId)\">vision</a></td><td class=\"num\">3</td>"))
        #expect(html.contains("<th scope=\"col\">Name</th><th scope=\"col\" class=\"num\">Runs</th><th scope=\"col\">Last activity (UTC)</th>"))
    }

    @Test(arguments: ["/", "/experiments/1", "/compare?runs=A,B", "/nowhere"])
    func everyPageHasLanguageTitleMainAndItsAssets(target: String) async throws {
        let seeded = try await SeededStore.make()
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let query = parts.count > 1 ? parts[1].replacing("A", with: seeded.alpha).replacing("B", with: seeded.beta) : nil
        let html = await WebUI(store: seeded.store, artifacts: nil).respond(path: parts[0], query: query).text
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let head = html.firstRange(of: "<main").map { String(html[..<$0.lowerBound]) } ?? html
        #expect(HTML.count("<title>", in: head) == 1)
        #expect(HTML.count("<main id=\"content\">", in: html) == 1)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/quire.css?v="))
        for external in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http"] {
            #expect(!html.contains(external), "no external resources")
        }
    }

    @Test func runPageShowsOverviewParamsMetricsTagsAndNotes() async throws {
        let seeded = try await SeededStore.make()
        let answer = await WebUI(store: seeded.store, artifacts: nil).respond(path: "/runs/\(seeded.alpha)", query: nil)
        #expect(answer.status == 200)
        let html = answer.text
        #expect(html.contains("<h1>alpha</h1>"))
        for section in ["overview", "params", "metrics", "tags", "notes", "artifacts"] {
            #expect(html.contains("<section id=\"\(section)\""), "section \(section)")
        }
        #expect(html.contains("<dt>Source notebook</dt><dd>notebooks/train.ipynb</dd>"))
        #expect(html.contains("<dt>Git commit</dt><dd>abcdef1234567890</dd>"))
        #expect(html.contains("<dt>Duration</dt><dd>1 h 02 min</dd>"))
        #expect(HTML.values(of: "data-param", after: "<tr ", in: html) == ["epochs", "lr", "optimizer"])
        #expect(html.contains("<tr data-metric=\"loss\"><th scope=\"row\">loss</th><td class=\"num\" title=\"0.25\">0.25</td><td class=\"num\">2</td>"))
        #expect(HTML.count("<svg", in: html) == 2)
        #expect(html.contains("<tr data-tag=\"team\"><th scope=\"row\">team</th><td>cv</td></tr>"))
        // System tags are folded away.
        let details = try #require(html.firstRange(of: "<details class=\"system-tags\">"))
        #expect(html[details.upperBound...].contains("data-tag=\"mlflow.user\""))
        #expect(!html[..<details.lowerBound].contains("data-tag=\"mlflow.user\""))
        #expect(html.contains("<div class=\"markdown\"><h3>Result</h3>\n<p>Loss <strong>fell</strong>. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n</div>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func childRunLinksToItsParent() async throws {
        let seeded = try await SeededStore.make()
        let html = await WebUI(store: seeded.store, artifacts: nil).respond(path: "/runs/\(seeded.gamma)", query: nil).text
        #expect(html.contains("<dt>Parent run</dt><dd><a href=\"/runs/\(seeded.alpha)\">alpha</a></dd>"))
        #expect(html.contains("No notes"))
    }

    @Test func artifactsListFoldersPreviewImagesAndText() async throws {
        let seeded = try await SeededStore.make()
        let root = "\(seeded.experimentId)/\(seeded.alpha)/artifacts"
        let artifacts = FakeArtifacts(files: [
            "\(root)/plot.png": [0x89, 0x50, 0x4E, 0x47],
            "\(root)/log.txt": Array("epoch 1 <ok>\n".utf8),
            "\(root)/model/weights.bin": [1, 2, 3],
        ])
        let ui = WebUI(store: seeded.store, artifacts: artifacts)
        let listing = await ui.respond(path: "/runs/\(seeded.alpha)", query: nil).text
        #expect(listing.contains("<li class=\"folder\"><a href=\"/runs/\(seeded.alpha)?path=model#artifacts\">model/</a></li>"))
        #expect(listing.contains(
            "<img class=\"thumb\" src=\"/api/2.0/mlflow-artifacts/artifacts/\(root)/plot.png\" alt=\"plot.png\" loading=\"lazy\">"))
        let text = await ui.respond(path: "/runs/\(seeded.alpha)", query: "path=log.txt").text
        #expect(text.contains("<pre>epoch 1 &lt;ok&gt;\n</pre>"))
        #expect(text.contains("<figcaption>log.txt · 13 B · <a href=\"/api/2.0/mlflow-artifacts/artifacts/\(root)/log.txt\" download>"))
        let image = await ui.respond(path: "/runs/\(seeded.alpha)", query: "path=plot.png").text
        #expect(image.contains("<img src=\"/api/2.0/mlflow-artifacts/artifacts/\(root)/plot.png\" alt=\"plot.png\">"))
        let folder = await ui.respond(path: "/runs/\(seeded.alpha)", query: "path=model").text
        #expect(folder.contains("<a href=\"/runs/\(seeded.alpha)?path=model%2Fweights.bin#artifacts\">weights.bin</a>"))
        let unsafe = await ui.respond(path: "/runs/\(seeded.alpha)", query: "path=../../etc")
        #expect(unsafe.status == 400)
    }

    @Test func unknownRunAndUnknownPathAre404Pages() async throws {
        let seeded = try await SeededStore.make()
        let ui = WebUI(store: seeded.store, artifacts: nil)
        let run = await ui.respond(path: "/runs/0123456789abcdef0123456789abcdef", query: nil)
        #expect(run.status == 404)
        #expect(run.contentType == "text/html; charset=utf-8")
        #expect(run.text.contains("No run with id"))
        #expect(await ui.respond(path: "/nowhere/at/all", query: nil).status == 404)
    }

    @Test func chartIsAnSVGWithOneSeries() async throws {
        let seeded = try await SeededStore.make()
        let ui = WebUI(store: seeded.store, artifacts: nil)
        let chart = await ui.respond(path: "/runs/\(seeded.alpha)/charts/loss.svg", query: "x=time&smooth=0.5&width=300&height=200")
        #expect(chart.status == 200)
        #expect(chart.contentType == "image/svg+xml")
        #expect(chart.text.contains("data-series-count=\"1\""))
        #expect(chart.text.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(await ui.respond(path: "/runs/\(seeded.alpha)/charts/nope.svg", query: nil).status == 404)
        #expect(await ui.respond(path: "/runs/\(seeded.alpha)/charts/loss.svg", query: "smooth=2").status == 400)
        #expect(await ui.respond(path: "/runs/\(seeded.alpha)/charts/loss.svg", query: "width=0").status == 400)
    }

    @Test func staticFilesAreCachedByContentHash() async throws {
        let seeded = try await SeededStore.make()
        let ui = WebUI(store: seeded.store, artifacts: nil)
        let css = await ui.respond(path: "/static/quire.css", query: "v=1")
        #expect(css.status == 200)
        #expect(css.contentType == "text/css; charset=utf-8")
        #expect(css.cacheControl.contains("max-age=31536000"))
        #expect(css.etag == "\"\(UIAssets.stylesheet.hash)\"")
        #expect(css.text.contains("prefers-color-scheme: dark"))
        let js = await ui.respond(path: "/static/quire.js", query: nil)
        #expect(js.contentType == "text/javascript; charset=utf-8")
        #expect(js.text.contains("filter"))
    }
}
