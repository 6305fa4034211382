import Logging
import PostgresNIO
import Tracking

extension PostgresConnection {
    /// Experiments matching `condition` (a query fragment with its binds), with their tags.
    func experiments(where condition: PostgresQuery? = nil, logger: Logger) async throws -> [Experiment] {
        var query: PostgresQuery =
            "SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments"
        if let condition {
            query = PostgresQuery(unsafeSQL: query.sql + " WHERE " + condition.sql, binds: condition.binds)
        }
        var found: [Experiment] = []
        for try await (id, name, location, stage, created, updated) in try await self.query(query, logger: logger)
            .decode((Int64, String, String, String, Int64, Int64).self)
        {
            found.append(Experiment(
                experimentId: String(id), name: name, artifactLocation: location,
                lifecycleStage: LifecycleStage(rawValue: stage) ?? .active, creationTime: created, lastUpdateTime: updated))
        }
        guard !found.isEmpty else { return [] }
        let keys = found.compactMap { Int64($0.experimentId) }
        var tags: [String: [String: String]] = [:]
        for try await (id, key, value) in try await self.query(
            "SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id = ANY(\(keys))", logger: logger
        ).decode((Int64, String, String).self) {
            tags[String(id), default: [:]][key] = value
        }
        return found.map { experiment in
            var experiment = experiment
            experiment.tags = tags[experiment.experimentId] ?? [:]
            return experiment
        }
    }

    /// The experiment with integer `key`, or `RESOURCE_DOES_NOT_EXIST` naming `id`.
    func experiment(_ key: Int64, id: String, logger: Logger) async throws -> Experiment {
        guard let found = try await experiments(where: "experiment_id = \(key)", logger: logger).first else {
            throw TrackingError.experimentNotFound(id: id)
        }
        return found
    }
}
