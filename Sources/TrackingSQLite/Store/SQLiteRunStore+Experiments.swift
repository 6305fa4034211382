import Tracking

extension SQLiteRunStore {
    public func createExperiment(name: String, artifactLocation: String?, tags: [String: String]) async throws -> String {
        try Validation.experimentName(name)
        for (key, value) in tags { try Validation.experimentTag(key: key, value: value) }
        let time = now(), root = artifactRoot
        return try await write { db in
            let taken = try db.prepare("SELECT 1 FROM experiments WHERE name = ?").bind([.text(name)])
            if try taken.step() { throw TrackingError.experimentExists(name: name) }
            let next = try db.prepare("SELECT COALESCE(MAX(experiment_id), 0) + 1 FROM experiments")
            _ = try next.step()
            let id = next.int64(0)
            try db.prepare(
                "INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?)"
            ).run([.integer(id), .text(name), .text(artifactLocation ?? "\(root)/\(id)"), .integer(time), .integer(time)])
            for (key, value) in tags {
                try db.prepare("INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)")
                    .run([.integer(id), .text(key), .text(value)])
            }
            return String(id)
        }
    }

    public func experiment(id: String) async throws -> Experiment {
        let key = try Self.experimentKey(id)
        return try await read { db in
            guard let found = try db.experiments(where: "experiment_id = ?", [.integer(key)]).first else {
                throw TrackingError.experimentNotFound(id: id)
            }
            return found
        }
    }

    public func experiment(named name: String) async throws -> Experiment {
        try await read { db in
            guard let found = try db.experiments(where: "name = ?", [.text(name)]).first else {
                throw TrackingError.experimentNotFound(name: name)
            }
            return found
        }
    }

    public func searchExperiments(_ query: ExperimentQuery) async throws -> Page<Experiment> {
        let offset = try PageToken.decode(query.pageToken, fingerprint: query.fingerprint)
        let all = try await read { db in try db.experiments(where: "1", []) }
        // Experiments are few: filter and sort in Swift with the reference semantics.
        let ordering = query.ordering
        let matching = all.filter { query.viewType.includes($0.lifecycleStage) && (query.filter?.matches($0) ?? true) }
            .sorted(by: ordering.areInIncreasingOrder)
        return Page.slice(matching, offset: offset, limit: query.maxResults, fingerprint: query.fingerprint)
    }

    public func renameExperiment(id: String, to newName: String) async throws {
        try Validation.experimentName(newName)
        let key = try Self.experimentKey(id), time = now()
        try await write { db in
            let found = try db.experiment(key, id: id)
            guard found.lifecycleStage == .active else {
                throw TrackingError.invalidParameter("Cannot rename a non-active experiment.")
            }
            let taken = try db.prepare("SELECT 1 FROM experiments WHERE name = ? AND experiment_id != ?")
                .bind([.text(newName), .integer(key)])
            if try taken.step() { throw TrackingError.experimentExists(name: newName) }
            try db.prepare("UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?")
                .run([.text(newName), .integer(time), .integer(key)])
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
        let key = try Self.experimentKey(id), time = now()
        try await write { db in
            _ = try db.experiment(key, id: id)
            try db.prepare("UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?")
                .run([.text(stage.rawValue), .integer(time), .integer(key)])
            try db.prepare("UPDATE runs SET lifecycle_stage = ? WHERE experiment_id = ?")
                .run([.text(stage.rawValue), .integer(key)])
        }
    }

    public func setExperimentTag(id: String, key tagKey: String, value: String) async throws {
        try Validation.experimentTag(key: tagKey, value: value)
        let key = try Self.experimentKey(id)
        try await write { db in
            _ = try db.experiment(key, id: id)
            try db.prepare(
                "INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value"
            ).run([.integer(key), .text(tagKey), .text(value)])
        }
    }

    public func deleteExperimentTag(id: String, key tagKey: String) async throws {
        let key = try Self.experimentKey(id)
        try await write { db in
            _ = try db.experiment(key, id: id)
            try db.prepare("DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?")
                .run([.integer(key), .text(tagKey)])
            if db.changes == 0 {
                throw TrackingError(.resourceDoesNotExist, "No tag with name: \(tagKey) in experiment with id \(id)")
            }
        }
    }
}
