import Testing
import Tracking
@testable import TrackingUI

@Suite struct RunsPageTests {
    func page(_ seeded: SeededStore, _ query: String? = nil) async -> UIResponse {
        await WebUI(store: seeded.store, artifacts: nil).respond(path: "/experiments/\(seeded.experimentId)", query: query)
    }

    @Test func listsEveryRunNewestFirstWithFixedColumns() async throws {
        let seeded = try await SeededStore.make()
        let answer = await page(seeded)
        #expect(answer.status == 200)
        #expect(answer.contentType == "text/html; charset=utf-8")
        #expect(answer.cacheControl == "no-store")
        let html = answer.text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: html) == [seeded.gamma, seeded.beta, seeded.alpha])
        #expect(HTML.text(after: "<span id=\"run-count\">", in: html) == "3")
        let keys = HTML.values(of: "data-key", after: "<th ", in: html)
        #expect(keys == [
            "attributes.run_name", "attributes.status", "attributes.start_time", "attributes.duration", "tags.mlflow.user",
            "tags.mlflow.source.name", "tags.mlflow.source.git.commit",
            "params.epochs", "params.lr", "params.optimizer", "metrics.acc", "metrics.loss",
        ])
        #expect(html.contains("<th scope=\"col\" data-key=\"attributes.start_time\" aria-sort=\"descending\">"))
        #expect(html.contains("<td data-key=\"attributes.duration\" class=\"num\"") == false)
        #expect(html.contains("<td class=\"num\" data-key=\"attributes.duration\">1 h 02 min</td>"))
        #expect(html.contains("<td class=\"num\" data-key=\"attributes.duration\">3.4 s</td>"))
        #expect(html.contains("<td data-key=\"attributes.start_time\">2023-11-14 22:13:20</td>"))
        #expect(html.contains("<td data-key=\"tags.mlflow.source.name\" title=\"notebooks/train.ipynb\">train.ipynb</td>"))
        #expect(html.contains("<td data-key=\"tags.mlflow.source.git.commit\" title=\"abcdef1234567890\">abcdef12</td>"))
        #expect(html.contains("<td data-key=\"attributes.run_name\"><a href=\"/runs/\(seeded.alpha)\">alpha</a></td>"))
        #expect(html.contains("<input type=\"checkbox\" name=\"runs\" value=\"\(seeded.beta)\" aria-label=\"Select beta\">"))
        #expect(html.contains("<form id=\"compare-form\" method=\"get\" action=\"/compare\">"))
        #expect(html.contains("<label for=\"filter\">"))
        #expect(html.contains("<caption>"))
    }

    @Test func sortsByAMetricAndTogglesTheDirection() async throws {
        let seeded = try await SeededStore.make()
        let html = await page(seeded, "order=metrics.acc&dir=asc").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: html) == [seeded.gamma, seeded.alpha, seeded.beta])
        #expect(html.contains("<th scope=\"col\" data-key=\"metrics.acc\" aria-sort=\"ascending\"><a href=\"/experiments/\(seeded.experimentId)?order=metrics.acc&amp;dir=desc\">acc</a></th>"))
        #expect(HTML.count("aria-sort=", in: html) == 1)
        let descending = await page(seeded, "order=metrics.acc&dir=desc").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: descending) == [seeded.beta, seeded.alpha, seeded.gamma])
        let byName = await page(seeded, "order=attributes.run_name&dir=desc").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: byName) == [seeded.gamma, seeded.beta, seeded.alpha])
        let byParam = await page(seeded, "order=params.lr&dir=asc").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: byParam) == [seeded.gamma, seeded.beta, seeded.alpha])
    }

    @Test func filterNarrowsTheTableWithAndAndOr() async throws {
        let seeded = try await SeededStore.make()
        let adam = await page(seeded, "filter=params.optimizer+%3D+%27adam%27").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: adam) == [seeded.beta, seeded.alpha])
        #expect(HTML.text(after: "<span id=\"run-count\">", in: adam) == "2")
        #expect(adam.contains("value=\"params.optimizer = &#39;adam&#39;\""))
        let either = await page(seeded, "filter=" + URLEncoding.encode("metrics.acc > 0.85 OR (params.optimizer = 'sgd')")).text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: either) == [seeded.gamma, seeded.beta])
    }

    @Test func badFilterShowsTheParserMessageWithStatus200() async throws {
        let seeded = try await SeededStore.make()
        let text = "metrics.acc >> 1"
        let answer = await page(seeded, "filter=" + URLEncoding.encode(text))
        #expect(answer.status == 200)
        let message = try #require(HTML.text(after: "<p id=\"filter-error\" role=\"alert\">", in: answer.text))
        var expected = ""
        do { _ = try FilterParser.parse(text) } catch { expected = error.message + " (column \(error.column ?? 0))" }
        #expect(!expected.isEmpty)
        #expect(message == HTMLEscapingForTests.escape(expected))
        #expect(message.contains("(column "))
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: answer.text).isEmpty)
        #expect(HTML.text(after: "<span id=\"run-count\">", in: answer.text) == "0")
    }

    @Test func paginatesWithPrevAndNextLinks() async throws {
        let seeded = try await SeededStore.make()
        let first = await page(seeded, "per_page=2").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: first) == [seeded.gamma, seeded.beta])
        #expect(first.contains("<a rel=\"next\" href=\"/experiments/\(seeded.experimentId)?page=2&amp;per_page=2\">"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<nav class=\"pagination\" aria-label=\"Pages\">"))
        let second = await page(seeded, "per_page=2&page=2").text
        #expect(HTML.values(of: "data-run-id", after: "<tr ", in: second) == [seeded.alpha])
        #expect(second.contains("<a rel=\"prev\" href=\"/experiments/\(seeded.experimentId)?per_page=2\">"))
        #expect(!second.contains("rel=\"next\""))
        #expect(HTML.text(after: "<span id=\"run-count\">", in: second) == "3")
    }

    @Test func chosenColumnsReplaceTheDefaultsAndRepeatedValuesJoin() async throws {
        let seeded = try await SeededStore.make()
        let html = await page(seeded, "columns=params.lr&columns=tags.team").text
        let keys = HTML.values(of: "data-key", after: "<th ", in: html)
        #expect(keys.suffix(2) == ["params.lr", "tags.team"])
        #expect(keys.count == 9)
        #expect(html.contains("<td data-key=\"tags.team\">cv</td>"))
        #expect(html.contains("<label><input type=\"checkbox\" name=\"columns\" value=\"params.lr\" checked> lr</label>"))
        #expect(html.contains("<label><input type=\"checkbox\" name=\"columns\" value=\"metrics.acc\"> acc</label>"))
        // Sort links keep the chosen columns.
        #expect(html.contains("columns=params.lr%2Ctags.team"))
        let none = await page(seeded, "columns=").text
        #expect(HTML.values(of: "data-key", after: "<th ", in: none).count == 7)
    }

    @Test(arguments: ["page=abc", "per_page=0", "per_page=1001", "dir=up", "columns=bogus", "filter=%zz"])
    func badQueryParametersAnswer400(query: String) async throws {
        let seeded = try await SeededStore.make()
        let answer = await page(seeded, query)
        #expect(answer.status == 400)
        #expect(answer.contentType == "text/html; charset=utf-8")
        #expect(answer.text.contains("<p id=\"error-message\" class=\"error\" data-status=\"400\">"))
    }

    @Test func perPageErrorSaysWhatIsAccepted() async throws {
        let seeded = try await SeededStore.make()
        let html = await page(seeded, "per_page=0").text
        #expect(html.contains("per_page=0 is not valid: expected a whole number from 1 to 1000."))
    }

    @Test func unknownExperimentIs404WithALinkHome() async throws {
        let seeded = try await SeededStore.make()
        let answer = await WebUI(store: seeded.store, artifacts: nil).respond(path: "/experiments/999", query: nil)
        #expect(answer.status == 404)
        #expect(answer.text.contains("No experiment with id &#39;999&#39;."))
        #expect(answer.text.contains("<a href=\"/\">"))
    }
}

enum HTMLEscapingForTests {
    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
    }
}
