import PostgresNIO
import Tracking

/// The web UI's queries, each pushed down to SQL (see `RunBrowsingSQL`) instead of the
/// protocol's defaults, which load every run.
extension PostgresRunStore {
    public func experimentSummaries(viewType: ViewType) async throws -> [ExperimentSummary] {
        let (sql, parameters) = RunBrowsingSQL.experimentSummaries(viewType: viewType, dialect: dialect)
        let logger = logger
        let summaries = try await read { db in
            var found: [String: ExperimentSummary] = [:]
            let rows = try await db.query(PostgresQuery(sql, parameters: parameters), logger: logger)
                .decode((Int64, String, String, String, Int64, Int64, Int64?, Int64?, Int64?).self)
            for try await (id, name, location, stage, created, updated, runs, lastStart, lastEnd) in rows {
                let experiment = Experiment(
                    experimentId: String(id), name: name, artifactLocation: location,
                    lifecycleStage: LifecycleStage(rawValue: stage) ?? .active, creationTime: created, lastUpdateTime: updated)
                found[experiment.experimentId] = ExperimentSummary(
                    experiment: experiment, runCount: Int(runs ?? 0),
                    lastActivity: [updated, lastStart, lastEnd].compactMap { $0 }.max() ?? updated)
            }
            for try await (id, key, value) in try await db.query(
                "SELECT experiment_id, key, value FROM experiment_tags", logger: logger
            ).decode((Int64, String, String).self) {
                found[String(id)]?.experiment.tags[key] = value
            }
            return Array(found.values)
        }
        let ordering = ExperimentQuery(viewType: viewType).ordering
        return summaries.sorted { ordering.areInIncreasingOrder($0.experiment, $1.experiment) }
    }

    public func countRuns(_ query: RunQuery) async throws -> Int {
        let keys = query.experimentIds.compactMap { Int64($0) }
        guard !keys.isEmpty else { return 0 }
        let count = RunSearchSQL(counting: query, experimentKeys: keys, dialect: dialect)
        let logger = logger
        return try await read { db in
            for try await total in try await db.query(PostgresQuery(count.sql, parameters: count.parameters), logger: logger)
                .decode(Int64.self)
            {
                return Int(total)
            }
            return 0
        }
    }

    public func runKeys(experimentIds: [String], viewType: ViewType) async throws -> RunKeys {
        let keys = experimentIds.compactMap { Int64($0) }
        guard !keys.isEmpty else { return RunKeys() }
        let (sql, parameters) = RunBrowsingSQL.runKeys(
            experimentKeys: keys, viewType: viewType, orderedProbes: true, dialect: dialect)
        let logger = logger
        let found = try await read { db in
            var found: [[String]] = [[], [], []]
            for try await (kind, key) in try await db.query(PostgresQuery(sql, parameters: parameters), logger: logger)
                .decode((Int32, String).self)
            {
                found[Int(kind)].append(key)
            }
            return found
        }
        return RunKeys(params: found[0].sorted(), metrics: found[1].sorted(), tags: found[2].sorted())
    }
}
