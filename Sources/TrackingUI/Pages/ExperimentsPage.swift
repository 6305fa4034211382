import HTMLTemplates
import Tracking

/// `/`: the active experiments with their run counts and last activity.
struct ExperimentsPage {
    let store: any RunStore

    func render() async throws -> UIResponse {
        let summaries = try await store.experimentSummaries(viewType: .activeOnly)
        let rows: [TemplateValue] = summaries.map { summary in
            .object([
                "id": .string(summary.experiment.experimentId),
                "name": .string(summary.experiment.name),
                "url": .string("/experiments/" + URLEncoding.encode(summary.experiment.experimentId)),
                "runs": .string(String(summary.runCount)),
                "lastActivity": .string(DateFormat.utc(summary.lastActivity)),
                "lastActivityISO": .string(DateFormat.iso(summary.lastActivity)),
            ])
        }
        return WebUI.page("experiments", title: "Experiments — Quire", ["experiments": .list(rows)])
    }
}
