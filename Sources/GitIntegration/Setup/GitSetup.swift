/// What `quire git install` writes. Commands name `quire` as found on PATH, never an absolute
/// path, so a shared or synced configuration works on every machine (nbstripout issue #41).
public enum GitSetup {
    public struct ConfigEntry: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    /// git >= 2.11 uses `process` for both directions and ignores `clean`/`smudge`; older git
    /// runs the per-file commands. With `required`, a missing smudge would fail checkouts, so
    /// smudge is an explicit identity (`quire git smudge-filter`) rather than absent.
    public static let configEntries: [ConfigEntry] = [
        ConfigEntry(key: "filter.quire.process", value: "quire git filter-process"),
        ConfigEntry(key: "filter.quire.clean", value: "quire git clean-filter %f"),
        ConfigEntry(key: "filter.quire.smudge", value: "quire git smudge-filter %f"),
        ConfigEntry(key: "filter.quire.required", value: "true"),
        ConfigEntry(key: "diff.quire.textconv", value: "quire git textconv"),
        // `git diff` runs the cell-aware diff; textconv still serves `git log -p` and blame.
        ConfigEntry(key: "diff.quire.command", value: "quire git diff-driver"),
        ConfigEntry(key: "merge.quire.name", value: "quire notebook merge"),
        ConfigEntry(key: "merge.quire.driver", value: "quire git merge-driver %O %A %B %L %P"),
    ]

    /// The config sections the entries live in.
    public static let sections = ["filter.quire", "diff.quire", "merge.quire"]

    public static let attributeLines = ["*.ipynb filter=quire", "*.ipynb diff=quire", "*.ipynb merge=quire"]

    /// The attributes `git check-attr` must report for a notebook.
    public static let attributes: [String: String] = ["filter": "quire", "diff": "quire", "merge": "quire"]

    /// Where install records what it changed, in the scope it changed.
    public static let recordKey = "quire.installed"
    public static let recordSection = "quire"

    static func section(of key: String) -> String {
        String(key[..<(key.lastIndex(of: ".") ?? key.endIndex)])
    }
}
