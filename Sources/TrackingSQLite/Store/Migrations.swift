import Tracking

/// The schema, as an append-only list of migrations. Never edit a shipped step: add one.
///
/// `schema_migrations` records each applied version; `migrate` runs the missing steps in one
/// `BEGIN IMMEDIATE` transaction, so several processes opening a new file at once apply each
/// step exactly once.
enum Migrations {
    static let steps: [MigrationStep] = [
        MigrationStep(1, """
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
        MigrationStep(2, """
            CREATE INDEX params_by_value ON params (key, value);
            CREATE INDEX tags_by_value ON tags (key, value);
            DROP INDEX runs_by_experiment;
            CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time, run_uuid, end_time);
            """),
        // History in compact rows: one id per (run, key) and points keyed by it without a rowid
        // (`metrics` kept the run id and key twice per point, in the row and its covering index).
        // `seq` numbers a series' points in logging order, which ties of step and timestamp come
        // back in; `point_count` is the next one. `metric_blocks` packs the same points for
        // charts (``MetricBlock``); existing history is packed once by `packAllHistory`.
        MigrationStep(3, """
            CREATE TABLE metric_series (
                series_id INTEGER PRIMARY KEY,
                run_uuid TEXT NOT NULL REFERENCES runs ON DELETE CASCADE,
                key TEXT NOT NULL,
                point_count INTEGER NOT NULL,
                UNIQUE (run_uuid, key)
            );
            CREATE TABLE metric_points (
                series_id INTEGER NOT NULL REFERENCES metric_series ON DELETE CASCADE,
                step INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                value REAL NOT NULL,
                is_nan INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (series_id, step, timestamp, value, is_nan)
            ) WITHOUT ROWID;
            CREATE TABLE metric_blocks (
                series_id INTEGER NOT NULL REFERENCES metric_series ON DELETE CASCADE,
                first_seq INTEGER NOT NULL,
                points BLOB NOT NULL,
                PRIMARY KEY (series_id, first_seq)
            );
            INSERT INTO metric_series (run_uuid, key, point_count)
                SELECT run_uuid, key, count(*) FROM metrics GROUP BY run_uuid, key ORDER BY run_uuid, key;
            INSERT INTO metric_points (series_id, step, timestamp, value, is_nan, seq)
                SELECT s.series_id, m.step, m.timestamp, m.value, m.is_nan,
                    row_number() OVER (PARTITION BY m.run_uuid, m.key ORDER BY m.rowid) - 1
                FROM metrics m JOIN metric_series s ON s.run_uuid = m.run_uuid AND s.key = m.key;
            DROP TABLE metrics;
            """, then: packAllHistory),
    ]

    /// Applies the missing steps up to `version` (all of them unless a test stops early to build
    /// a file as an older quire left it).
    /// A store that is up to date is only read (no write lock, so opening it never waits for
    /// another process's writes). Otherwise the missing steps run in one write transaction;
    /// another process opening the file meanwhile waits for it (up to 10 minutes: migration 3
    /// takes ~6 s per million metric points). A file from a newer quire is refused, not misread.
    static func migrate(_ db: Database, artifactRoot: String, now: Int64, through version: Int = .max) throws {
        let wanted = Set(steps.map(\.version).filter { $0 <= version })
        if try db.transaction(immediate: false, { try appliedVersions(db) }) == wanted { return }
        try db.waitingForLocks(upTo: 600_000) {
            try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_time INTEGER NOT NULL)")
            try db.transaction { try applyMissingSteps(db, artifactRoot: artifactRoot, now: now, through: version) }
        }
    }

    /// The versions the file records; none for a new file.
    private static func appliedVersions(_ db: Database) throws -> Set<Int> {
        let exists = try db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
        guard try exists.step() else { return [] }
        exists.reset()
        var applied = Set<Int>()
        let select = try db.prepare("SELECT version FROM schema_migrations")
        while try select.step() { applied.insert(Int(select.int64(0))) }
        return applied
    }

    private static func applyMissingSteps(_ db: Database, artifactRoot: String, now: Int64, through version: Int) throws {
        let applied = try appliedVersions(db)
        let known = steps.map(\.version).max() ?? 0
        if let newest = applied.max(), newest > known {
            throw TrackingError(
                .internalError,
                "This store was written by a newer quire (schema version \(newest); this quire knows up to \(known)): "
                    + "open it with that quire or a newer one")
        }
        for step in steps where step.version <= version && !applied.contains(step.version) {
            try db.execute(step.sql)
            try step.then?(db)
            try db.prepare("INSERT INTO schema_migrations (version, applied_time) VALUES (?, ?)")
                .run([.integer(Int64(step.version)), .integer(now)])
            if step.version == 1 { try createDefaultExperiment(db, artifactRoot: artifactRoot, now: now) }
        }
    }

    private static func createDefaultExperiment(_ db: Database, artifactRoot: String, now: Int64) throws {
        try db.prepare(
            "INSERT INTO experiments (experiment_id, name, artifact_location, creation_time, last_update_time) VALUES (0, ?, ?, ?, ?)"
        ).run([.text(Experiment.defaultName), .text("\(artifactRoot)/0"), .integer(now), .integer(now)])
    }

    /// Packs every series' points onto `metric_blocks`, one series at a time in logging order.
    private static func packAllHistory(_ db: Database) throws {
        let select = try db.prepare(
            "SELECT series_id, step, timestamp, value, is_nan FROM metric_points ORDER BY series_id, seq")
        var seriesId: Int64?
        var points: [Metric] = []
        func flush() throws {
            if let seriesId, !points.isEmpty { try db.appendToBlocks(seriesId: seriesId, firstSeq: 0, points[...]) }
            points.removeAll(keepingCapacity: true)
        }
        while try select.step() {
            if select.int64(0) != seriesId {
                try flush()
                seriesId = select.int64(0)
            }
            let value = select.int64(4) != 0 ? Double.nan : select.double(3)
            points.append(Metric(key: "", value: value, timestamp: select.int64(2), step: select.int64(1)))
        }
        try flush()
    }
}

/// One schema step: SQL, then optionally work SQL cannot express (run in the same transaction).
struct MigrationStep: Sendable {
    let version: Int
    let sql: String
    let then: (@Sendable (Database) throws -> Void)?

    init(_ version: Int, _ sql: String, then: (@Sendable (Database) throws -> Void)? = nil) {
        self.version = version
        self.sql = sql
        self.then = then
    }
}
