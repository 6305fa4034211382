import PostgresTestSupport
import Testing
import Tracking
import TrackingPostgres

/// The trait every Postgres suite carries: skipped, with the reason printed, when no
/// PostgreSQL can be started here.
let requiresPostgres = ConditionTrait.enabled(
    if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailableReason ?? ""))

extension PostgresRunStore.Options {
    /// Small pools: many stores share the test server's connection limit.
    static var testing: Self {
        var options = Self()
        options.maximumConnections = 8
        options.connectTimeout = .seconds(10)
        return options
    }
}

/// A store on a new database; shut down after `body`, whether it throws or not.
func withPostgresStore<T>(_ body: (PostgresRunStore) async throws -> T) async throws -> T {
    let store = try await PostgresRunStore(url: try await PostgresTestServer.shared.newDatabase(), options: .testing)
    do {
        let result = try await body(store)
        await store.shutdown()
        return result
    } catch {
        await store.shutdown()
        throw error
    }
}

/// Monotonic milliseconds, for the measured figures the tests print.
func elapsedMilliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let duration = clock.now - start
    return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
