import PostgresNIO
import Tracking

extension PostgresRunStore {
    public func createExperiment(name: String, artifactLocation: String?, tags: [String: String]) async throws -> String {
        try Validation.experimentName(name)
        for (key, value) in tags { try Validation.experimentTag(key: key, value: value) }
        let time = now(), root = artifactRoot, logger = logger
        return try await write { db in
            // Serializes creators (in every process) so that ids are MAX + 1 without gaps or clashes.
            try await db.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.experimentLockKey))", logger: logger)
            for try await _ in try await db.query("SELECT 1 FROM experiments WHERE name = \(name)", logger: logger) {
                throw TrackingError.experimentExists(name: name)
            }
            var id: Int64 = 1
            for try await next in try await db.query("SELECT COALESCE(MAX(experiment_id), 0) + 1 FROM experiments", logger: logger)
                .decode(Int64.self)
            {
                id = next
            }
            try await db.query(
                """
                INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time)
                VALUES (\(id), \(name), \(artifactLocation ?? "\(root)/\(id)"), \(time), \(time))
                """, logger: logger)
            if !tags.isEmpty {
                try await db.query(
                    "INSERT INTO experiment_tags (experiment_id, key, value) SELECT \(id), * FROM UNNEST(\(Array(tags.keys))::text[], \(Array(tags.values))::text[])",
                    logger: logger)
            }
            return String(id)
        }
    }

    public func experiment(id: String) async throws -> Experiment {
        let key = try Self.experimentKey(id), logger = logger
        return try await read { db in try await db.experiment(key, id: id, logger: logger) }
    }

    public func experiment(named name: String) async throws -> Experiment {
        let logger = logger
        return try await read { db in
            guard let found = try await db.experiments(where: "name = \(name)", logger: logger).first else {
                throw TrackingError.experimentNotFound(name: name)
            }
            return found
        }
    }

    public func searchExperiments(_ query: ExperimentQuery) async throws -> Page<Experiment> {
        let offset = try PageToken.decode(query.pageToken, fingerprint: query.fingerprint)
        let logger = logger
        let all = try await read { db in try await db.experiments(logger: logger) }
        // Experiments are few: filter and sort in Swift with the reference semantics.
        let ordering = query.ordering
        let matching = all.filter { query.viewType.includes($0.lifecycleStage) && (query.filter?.matches($0) ?? true) }
            .sorted(by: ordering.areInIncreasingOrder)
        return Page.slice(matching, offset: offset, limit: query.maxResults, fingerprint: query.fingerprint)
    }

    public func renameExperiment(id: String, to newName: String) async throws {
        try Validation.experimentName(newName)
        let key = try Self.experimentKey(id), time = now(), logger = logger
        try await write { db in
            let found = try await db.experiment(key, id: id, logger: logger)
            guard found.lifecycleStage == .active else {
                throw TrackingError.invalidParameter("Cannot rename a non-active experiment.")
            }
            for try await _ in try await db.query(
                "SELECT 1 FROM experiments WHERE name = \(newName) AND experiment_id != \(key)", logger: logger)
            {
                throw TrackingError.experimentExists(name: newName)
            }
            try await db.query(
                "UPDATE experiments SET name = \(newName), last_update_time = \(time) WHERE experiment_id = \(key)",
                logger: logger)
        }
    }

    public func deleteExperiment(id: String) async throws {
        if id == Experiment.defaultId {
            throw TrackingError.invalidParameter(
                "Cannot delete the default experiment '\(id)'. This is an internally reserved experiment.")
        }
        try await setStage(.deleted, experiment: id)
    }

    public func restoreExperiment(id: String) async throws {
        try await setStage(.active, experiment: id)
    }

    /// As MLflow: deleting an experiment deletes its runs, restoring it restores them.
    private func setStage(_ stage: LifecycleStage, experiment id: String) async throws {
        let key = try Self.experimentKey(id), time = now(), logger = logger
        try await write { db in
            _ = try await db.experiment(key, id: id, logger: logger)
            try await db.query(
                "UPDATE experiments SET lifecycle_stage = \(stage.rawValue), last_update_time = \(time) WHERE experiment_id = \(key)",
                logger: logger)
            try await db.query("UPDATE runs SET lifecycle_stage = \(stage.rawValue) WHERE experiment_id = \(key)", logger: logger)
        }
    }

    public func setExperimentTag(id: String, key tagKey: String, value: String) async throws {
        try Validation.experimentTag(key: tagKey, value: value)
        let key = try Self.experimentKey(id), logger = logger
        try await write { db in
            _ = try await db.experiment(key, id: id, logger: logger)
            try await db.query(
                """
                INSERT INTO experiment_tags (experiment_id, key, value) VALUES (\(key), \(tagKey), \(value))
                ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
    }

    public func deleteExperimentTag(id: String, key tagKey: String) async throws {
        let key = try Self.experimentKey(id), logger = logger
        try await write { db in
            _ = try await db.experiment(key, id: id, logger: logger)
            var deleted = false
            for try await _ in try await db.query(
                "DELETE FROM experiment_tags WHERE experiment_id = \(key) AND key = \(tagKey) RETURNING 1", logger: logger)
            {
                deleted = true
            }
            if !deleted {
                throw TrackingError(.resourceDoesNotExist, "No tag with name: \(tagKey) in experiment with id \(id)")
            }
        }
    }
}
