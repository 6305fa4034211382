import QuireTestSupport
import Testing
import Tracking
import TrackingContract
import TrackingSQLite

/// SQLite's pushed-down search returns exactly what the reference evaluator and ordering
/// return, page by page, for random runs, filters and orderings (see `RandomSearch`).
struct SQLiteAgreementTests {
    @Test func randomFiltersAndOrderingsMatchTheEvaluator() async throws {
        var rng = SeededGenerator(seed: 20_261_127)
        let database = TemporaryDatabase()
        let store = try database.store()
        let exp = try await store.createExperiment(name: "random")
        try await RandomSearch.checkAgreement(store, experiment: exp, using: &rng)
    }
}
