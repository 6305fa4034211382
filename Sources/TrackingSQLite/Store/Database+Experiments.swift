import Tracking

extension Database {
    /// Experiments matching a SQL condition, with their tags.
    func experiments(where condition: String, _ values: [SQLValue]) throws -> [Experiment] {
        let select = try prepare(
            "SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time "
                + "FROM experiments WHERE \(condition)")
        try select.bind(values)
        var found: [Experiment] = []
        while try select.step() {
            found.append(Experiment(
                experimentId: String(select.int64(0)), name: select.text(1), artifactLocation: select.text(2),
                lifecycleStage: LifecycleStage(rawValue: select.text(3)) ?? .active,
                creationTime: select.int64(4), lastUpdateTime: select.int64(5)))
        }
        let tags = try prepare("SELECT key, value FROM experiment_tags WHERE experiment_id = ?")
        for index in found.indices {
            try tags.bind([.integer(Int64(found[index].experimentId) ?? -1)])
            while try tags.step() { found[index].tags[tags.text(0)] = tags.text(1) }
            tags.reset()
        }
        return found
    }

    /// The experiment with integer `key`, or `RESOURCE_DOES_NOT_EXIST` naming `id`.
    func experiment(_ key: Int64, id: String) throws -> Experiment {
        guard let found = try experiments(where: "experiment_id = ?", [.integer(key)]).first else {
            throw TrackingError.experimentNotFound(id: id)
        }
        return found
    }
}
