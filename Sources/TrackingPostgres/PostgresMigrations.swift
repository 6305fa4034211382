import Logging
import PostgresNIO
import Tracking

/// The schema, as an append-only list of migrations. Never edit a shipped step: add one.
///
/// Equivalent to the SQLite store's tables. Text columns use the `"C"` collation so that
/// strings compare and sort by bytes, as the reference evaluator does, whatever the
/// database's locale. `metrics` keeps NaN as PostgreSQL's NaN (which equals itself, so the
/// primary key drops exact duplicate points); `latest_metrics.value` is NULL for NaN so that
/// comparisons and ordering treat NaN as missing (PostgreSQL sorts NaN above every number).
enum PostgresMigrations {
    static let steps: [(version: Int, statements: [PostgresQuery])] = [
        (1, [
            """
            CREATE TABLE experiments (
                experiment_id BIGINT PRIMARY KEY,
                name TEXT COLLATE "C" NOT NULL UNIQUE,
                artifact_location TEXT NOT NULL,
                lifecycle_stage TEXT COLLATE "C" NOT NULL DEFAULT 'active',
                creation_time BIGINT NOT NULL,
                last_update_time BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE experiment_tags (
                experiment_id BIGINT NOT NULL REFERENCES experiments ON DELETE CASCADE,
                key TEXT COLLATE "C" NOT NULL,
                value TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (experiment_id, key)
            )
            """,
            """
            CREATE TABLE runs (
                run_uuid TEXT COLLATE "C" PRIMARY KEY,
                experiment_id BIGINT NOT NULL REFERENCES experiments,
                name TEXT COLLATE "C" NOT NULL,
                user_id TEXT COLLATE "C" NOT NULL,
                status TEXT COLLATE "C" NOT NULL,
                start_time BIGINT NOT NULL,
                end_time BIGINT,
                artifact_uri TEXT COLLATE "C" NOT NULL,
                lifecycle_stage TEXT COLLATE "C" NOT NULL DEFAULT 'active'
            )
            """,
            "CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time)",
            """
            CREATE TABLE params (
                run_uuid TEXT COLLATE "C" NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT COLLATE "C" NOT NULL,
                value TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (run_uuid, key)
            )
            """,
            """
            CREATE TABLE tags (
                run_uuid TEXT COLLATE "C" NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT COLLATE "C" NOT NULL,
                value TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (run_uuid, key)
            )
            """,
            // `seq` keeps the order in which points of equal (step, timestamp) arrived.
            """
            CREATE TABLE metrics (
                run_uuid TEXT COLLATE "C" NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT COLLATE "C" NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                timestamp BIGINT NOT NULL,
                step BIGINT NOT NULL,
                seq BIGINT GENERATED ALWAYS AS IDENTITY,
                PRIMARY KEY (run_uuid, key, step, timestamp, value)
            )
            """,
            """
            CREATE TABLE latest_metrics (
                run_uuid TEXT COLLATE "C" NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT COLLATE "C" NOT NULL,
                value DOUBLE PRECISION,
                is_nan BOOLEAN NOT NULL,
                timestamp BIGINT NOT NULL,
                step BIGINT NOT NULL,
                PRIMARY KEY (run_uuid, key)
            )
            """,
            "CREATE INDEX latest_metrics_by_value ON latest_metrics (key, value)",
        ]),
        // For the web UI on large experiments: the keys of an experiment are walked key by key
        // (`RunBrowsingSQL`), and counts, the default order and durations read the runs from one
        // covering index. (key, run_uuid), not (key, value) as in SQLite: a B-tree entry holds
        // at most ~2.7 kB and values reach 8,000 characters.
        (2, [
            "CREATE INDEX params_by_key ON params (key, run_uuid)",
            "CREATE INDEX tags_by_key ON tags (key, run_uuid)",
            "CREATE INDEX latest_metrics_by_key ON latest_metrics (key, run_uuid)",
            "DROP INDEX runs_by_experiment",
            "CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time, run_uuid, end_time)",
        ]),
    ]

    /// Any constant shared by every quire process: the key of the advisory lock that
    /// serializes migrations (and experiment creation, see ``experimentLockKey``).
    static let migrationLockKey: Int64 = 0x7175_6972_6501  // "quire" 01
    static let experimentLockKey: Int64 = 0x7175_6972_6502

    /// Applies the missing steps in one transaction. `pg_advisory_xact_lock` makes concurrent
    /// starters wait for each other, so each step runs once; the lock ends with the transaction.
    static func migrate(_ connection: PostgresConnection, artifactRoot: String, now: Int64, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_time BIGINT NOT NULL)",
                logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
                .decode(Int.self)
            {
                applied.insert(version)
            }
            for step in steps where !applied.contains(step.version) {
                for statement in step.statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, applied_time) VALUES (\(step.version), \(now))", logger: logger)
                if step.version == 1 {
                    try await connection.query(
                        """
                        INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time)
                        VALUES (0, \(Experiment.defaultName), \(artifactRoot + "/0"), \(now), \(now))
                        """, logger: logger)
                }
            }
        }
    }
}
