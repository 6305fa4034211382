import Testing
import Tracking
@testable import TrackingUI

@Suite struct ComparePageTests {
    func compare(_ seeded: SeededStore, _ query: String) async -> UIResponse {
        await WebUI(store: seeded.store, artifacts: nil).respond(path: "/compare", query: query)
    }

    @Test func showsOnlyParamsThatDifferUnlessAllIsAsked() async throws {
        let seeded = try await SeededStore.make()
        let html = await compare(seeded, "runs=\(seeded.alpha),\(seeded.beta)").text
        #expect(HTML.values(of: "data-param", after: "<tr ", in: html) == ["lr"])
        #expect(html.contains("<tr data-param=\"lr\"><th scope=\"row\">lr</th><td>0.1</td><td>0.01</td></tr>"))
        #expect(html.contains("(2 equal hidden)"))
        #expect(html.contains("<a href=\"/compare?runs=\(seeded.alpha)%2C\(seeded.beta)&amp;all=1\" id=\"toggle-all\">Show all params</a>"))
        let all = await compare(seeded, "runs=\(seeded.alpha),\(seeded.beta)&all=1").text
        #expect(HTML.values(of: "data-param", after: "<tr ", in: all) == ["epochs", "lr", "optimizer"])
        let withSGD = await compare(seeded, "runs=\(seeded.alpha)&runs=\(seeded.gamma)").text
        #expect(HTML.values(of: "data-param", after: "<tr ", in: withSGD) == ["lr", "optimizer"])
    }

    @Test func summarizesMetricsAndOverlaysOneSeriesPerRun() async throws {
        let seeded = try await SeededStore.make()
        let html = await compare(seeded, "runs=\(seeded.alpha),\(seeded.beta),\(seeded.gamma)").text
        #expect(html.contains(
            "<tr data-metric=\"loss\" data-run-id=\"\(seeded.alpha)\"><th scope=\"row\">loss</th><td>alpha</td><td class=\"num\">0.25</td><td class=\"num\">0.25</td><td class=\"num\">1</td></tr>"))
        #expect(html.contains(
            "<tr data-metric=\"loss\" data-run-id=\"\(seeded.beta)\"><th scope=\"row\">loss</th><td>beta</td><td class=\"num\">0.4</td><td class=\"num\">0.4</td><td class=\"num\">0.9</td></tr>"))
        #expect(HTML.values(of: "data-metric", after: "<figure ", in: html) == ["acc", "loss"])
        #expect(HTML.values(of: "data-series-count", after: "<svg ", in: html) == ["3", "3"])
        #expect(html.contains("<figcaption>loss by step, 3 runs</figcaption>"))
        let byTime = await compare(seeded, "runs=\(seeded.alpha),\(seeded.beta)&x=time&smooth=0.6").text
        #expect(byTime.contains("<figcaption>loss by time, 2 runs</figcaption>"))
        #expect(byTime.contains("<input id=\"smooth\" name=\"smooth\" type=\"number\" min=\"0\" max=\"0.99\" step=\"0.01\" value=\"0.6\">"))
    }

    @Test(arguments: ["runs=ONE", "runs=", "smooth=2", "x=epoch", "all=yes", "ELEVEN"])
    func badParametersAnswer400(query: String) async throws {
        let seeded = try await SeededStore.make()
        var text = query.replacing("ONE", with: seeded.alpha)
        if query == "ELEVEN" { text = "runs=" + (0..<11).map { String(repeating: "a", count: 30) + String($0 + 10) }.joined(separator: ",") }
        if query.hasPrefix("smooth") || query.hasPrefix("x=") || query.hasPrefix("all") {
            text = "runs=\(seeded.alpha),\(seeded.beta)&" + query
        }
        let answer = await compare(seeded, text)
        #expect(answer.status == 400, "\(query)")
    }

    @Test func unknownRunIs404() async throws {
        let seeded = try await SeededStore.make()
        let answer = await compare(seeded, "runs=\(seeded.alpha),ffffffffffffffffffffffffffffffff")
        #expect(answer.status == 404)
    }
}
