import Tracking

/// The web UI's queries, each pushed down to SQL (see `RunBrowsingSQL`) instead of the
/// protocol's defaults, which load every run.
extension SQLiteRunStore {
    public func experimentSummaries(viewType: ViewType) async throws -> [ExperimentSummary] {
        let (sql, parameters) = RunBrowsingSQL.experimentSummaries(viewType: viewType, dialect: SQLiteDialect())
        let summaries = try await read { db in
            let select = try db.prepare(sql).bind(parameters.map(SQLValue.init))
            var found: [String: ExperimentSummary] = [:]
            while try select.step() {
                let experiment = Experiment(
                    experimentId: String(select.int64(0)), name: select.text(1), artifactLocation: select.text(2),
                    lifecycleStage: LifecycleStage(rawValue: select.text(3)) ?? .active,
                    creationTime: select.int64(4), lastUpdateTime: select.int64(5))
                let lastActivity = [experiment.lastUpdateTime, select.optionalInt64(7), select.optionalInt64(8)]
                    .compactMap { $0 }.max() ?? experiment.lastUpdateTime
                found[experiment.experimentId] = ExperimentSummary(
                    experiment: experiment, runCount: Int(select.int64(6)), lastActivity: lastActivity)
            }
            let tags = try db.prepare("SELECT experiment_id, key, value FROM experiment_tags")
            while try tags.step() { found[String(tags.int64(0))]?.experiment.tags[tags.text(1)] = tags.text(2) }
            return Array(found.values)
        }
        let ordering = ExperimentQuery(viewType: viewType).ordering
        return summaries.sorted { ordering.areInIncreasingOrder($0.experiment, $1.experiment) }
    }

    public func countRuns(_ query: RunQuery) async throws -> Int {
        let keys = query.experimentIds.compactMap { Int64($0) }
        guard !keys.isEmpty else { return 0 }
        let count = RunSearchSQL(counting: query, experimentKeys: keys, dialect: SQLiteDialect())
        return try await read { db in
            let select = try db.prepare(count.sql).bind(count.parameters.map(SQLValue.init))
            return try select.step() ? Int(select.int64(0)) : 0
        }
    }

    public func runKeys(experimentIds: [String], viewType: ViewType) async throws -> RunKeys {
        let keys = experimentIds.compactMap { Int64($0) }
        guard !keys.isEmpty else { return RunKeys() }
        let (sql, parameters) = RunBrowsingSQL.runKeys(experimentKeys: keys, viewType: viewType, dialect: SQLiteDialect())
        let found = try await read { db in
            let select = try db.prepare(sql).bind(parameters.map(SQLValue.init))
            var found: [[String]] = [[], [], []]
            while try select.step() { found[Int(select.int64(0))].append(select.text(1)) }
            return found
        }
        return RunKeys(params: found[0].sorted(), metrics: found[1].sorted(), tags: found[2].sorted())
    }
}
