import Tracking

/// The schema, as an append-only list of migrations. Never edit a shipped step: add one.
///
/// `schema_migrations` records each applied version; `migrate` runs the missing steps in one
/// `BEGIN IMMEDIATE` transaction, so several processes opening a new file at once apply each
/// step exactly once.
enum Migrations {
    static let steps: [(version: Int, sql: String)] = [
        (1, """
            CREATE TABLE experiments (
                experiment_id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                artifact_location TEXT NOT NULL,
                lifecycle_stage TEXT NOT NULL DEFAULT 'active',
                creation_time INTEGER NOT NULL,
                last_update_time INTEGER NOT NULL
            );
            CREATE TABLE experiment_tags (
                experiment_id INTEGER NOT NULL REFERENCES experiments ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (experiment_id, key)
            ) WITHOUT ROWID;
            CREATE TABLE runs (
                run_uuid TEXT PRIMARY KEY,
                experiment_id INTEGER NOT NULL REFERENCES experiments,
                name TEXT NOT NULL,
                user_id TEXT NOT NULL,
                status TEXT NOT NULL,
                start_time INTEGER NOT NULL,
                end_time INTEGER,
                artifact_uri TEXT NOT NULL,
                lifecycle_stage TEXT NOT NULL DEFAULT 'active'
            );
            CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time);
            CREATE TABLE params (
                run_uuid TEXT NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (run_uuid, key)
            ) WITHOUT ROWID;
            CREATE TABLE tags (
                run_uuid TEXT NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (run_uuid, key)
            ) WITHOUT ROWID;
            -- Full history. NaN is stored as value 0 with is_nan 1 (SQLite has no NaN) so that
            -- the primary key drops exact duplicate points, as MLflow's does.
            CREATE TABLE metrics (
                run_uuid TEXT NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT NOT NULL,
                value REAL NOT NULL,
                is_nan INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                step INTEGER NOT NULL,
                PRIMARY KEY (run_uuid, key, step, timestamp, value, is_nan)
            );
            -- The latest point per key, kept on write. value is NULL for NaN so that comparisons
            -- and ordering treat NaN as missing.
            CREATE TABLE latest_metrics (
                run_uuid TEXT NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT NOT NULL,
                value REAL,
                is_nan INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                step INTEGER NOT NULL,
                PRIMARY KEY (run_uuid, key)
            ) WITHOUT ROWID;
            CREATE INDEX latest_metrics_by_value ON latest_metrics (key, value);
            """),
        // For the web UI on large experiments: filters read the runs with a param or tag value
        // from an index, the keys of an experiment are walked key by key (`RunBrowsingSQL`), and
        // counts, the default order and durations read the runs from one covering index.
        (2, """
            CREATE INDEX params_by_value ON params (key, value);
            CREATE INDEX tags_by_value ON tags (key, value);
            DROP INDEX runs_by_experiment;
            CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time, run_uuid, end_time);
            """),
    ]

    static func migrate(_ db: Database, artifactRoot: String, now: Int64) throws {
        try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_time INTEGER NOT NULL)")
        try db.transaction {
            var applied = Set<Int>()
            let select = try db.prepare("SELECT version FROM schema_migrations")
            while try select.step() { applied.insert(Int(select.int64(0))) }
            for step in steps where !applied.contains(step.version) {
                try db.execute(step.sql)
                try db.prepare("INSERT INTO schema_migrations (version, applied_time) VALUES (?, ?)")
                    .run([.integer(Int64(step.version)), .integer(now)])
                if step.version == 1 { try createDefaultExperiment(db, artifactRoot: artifactRoot, now: now) }
            }
        }
    }

    private static func createDefaultExperiment(_ db: Database, artifactRoot: String, now: Int64) throws {
        try db.prepare(
            "INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (0, ?, ?, ?, ?)"
        ).run([.text(Experiment.defaultName), .text("\(artifactRoot)/0"), .integer(now), .integer(now)])
    }
}
