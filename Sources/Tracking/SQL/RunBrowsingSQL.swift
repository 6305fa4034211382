/// The web UI's queries in SQL for both stores (see ``SQLDialect``), each one statement with
/// bound parameters. Rows are decoded by the stores; sorting stays in Swift so that both
/// stores order exactly as the in-memory reference does.
public enum RunBrowsingSQL {
    /// Experiments in `viewType` with, per experiment, the number of active runs and the latest
    /// start and end time among them (NULL without runs). Columns: experiment_id, name,
    /// artifact_location, lifecycle_stage, creation_time, last_update_time, runs, last_start, last_end.
    public static func experimentSummaries(viewType: ViewType, dialect: some SQLDialect) -> (String, [SQLParameter]) {
        var builder = SQLBuilder(dialect: dialect)
        let active = builder.bind(.text(LifecycleStage.active.rawValue))
        let stages = builder.bindList(viewType.stages.map { .text($0.rawValue) })
        let sql = """
            SELECT e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, \
            e.last_update_time, a.runs, a.last_start, a.last_end FROM experiments e LEFT JOIN (\
            SELECT experiment_id, COUNT(*) AS runs, MAX(start_time) AS last_start, MAX(end_time) AS last_end \
            FROM runs WHERE lifecycle_stage = \(active) GROUP BY experiment_id) a ON a.experiment_id = e.experiment_id \
            WHERE e.lifecycle_stage IN (\(stages))
            """
        return (sql, builder.parameters)
    }

    /// The distinct param (kind 0), metric (1) and tag (2) keys of the runs in the experiments
    /// and view. Columns: kind, key; unsorted.
    ///
    /// Reading every run's keys costs 35 rows a run; instead each table's distinct keys are
    /// walked through its index on `key` (one seek per key) and each kept if some run of the
    /// experiments has it — usually the first run looked at.
    ///
    /// - Parameter orderedProbes: probe with `(SELECT 1 … ORDER BY t.key, t.run_uuid LIMIT 1)`
    ///   instead of `EXISTS`. PostgreSQL needs it: it turns an `EXISTS` into one join of every
    ///   run's keys (200,000 rows at the UI's scale), and without the order it scans a table per
    ///   key instead of reading its `(key, run_uuid)` index. SQLite runs `EXISTS` ten times
    ///   faster and has no such index.
    public static func runKeys(
        experimentKeys: [Int64], viewType: ViewType, orderedProbes: Bool = false, dialect: some SQLDialect
    ) -> (String, [SQLParameter]) {
        var builder = SQLBuilder(dialect: dialect)
        let tables = ["params", "latest_metrics", "tags"]
        let walks = tables.enumerated().map { kind, table in
            "k\(kind)(key) AS (SELECT MIN(key) FROM \(table) UNION ALL "
                + "SELECT (SELECT MIN(t.key) FROM \(table) t WHERE t.key > k\(kind).key) FROM k\(kind) WHERE k\(kind).key IS NOT NULL)"
        }
        let selects = tables.enumerated().map { kind, table in
            let experiments = builder.bindList(experimentKeys.map(SQLParameter.integer))
            let stages = builder.bindList(viewType.stages.map { .text($0.rawValue) })
            let probe = "SELECT 1 FROM \(table) t JOIN runs r ON r.run_uuid = t.run_uuid WHERE t.key = k\(kind).key "
                + "AND r.experiment_id IN (\(experiments)) AND r.lifecycle_stage IN (\(stages))"
            let found = orderedProbes ? "(\(probe) ORDER BY t.key, t.run_uuid LIMIT 1) IS NOT NULL" : "EXISTS (\(probe))"
            return "SELECT \(kind), k\(kind).key FROM k\(kind) WHERE k\(kind).key IS NOT NULL AND \(found)"
        }
        let sql = "WITH RECURSIVE " + walks.joined(separator: ", ") + " " + selects.joined(separator: " UNION ALL ")
        return (sql, builder.parameters)
    }
}
