import NotebookFormat

/// The settings of one percent-script conversion: the script's language and comment syntax,
/// and jupytext's format options as the notebook's `metadata.jupytext` sets them.
public struct PercentWriterOptions: Sendable {
    /// The script's extension and comment syntax (`.py` and `#` for `--to py:percent`).
    public var script: ScriptLanguage
    /// `default_language_from_metadata_and_ext`, or `python`.
    public var defaultLanguage: String
    public var commentMagics: Bool
    public var cellMetadataJSON: Bool
    public var cellMarkers: String?
    public var customMagics: Set<String>
    public var rootLevelMetadataAsRawCell: Bool
    var notebookMetadataFilter: PercentWriterMetadataFilter
    var cellMetadataFilter: PercentWriterMetadataFilter {
        didSet { cellMetadataPlan = Self.cellPlan(cellMetadataFilter) }
    }
    /// `cellMetadataFilter` resolved once for all the cells.
    private(set) var cellMetadataPlan: PercentWriterMetadataFilter.Plan

    private static func cellPlan(_ filter: PercentWriterMetadataFilter) -> PercentWriterMetadataFilter.Plan {
        PercentWriterMetadataFilter.Plan(user: filter, default: PercentWriterCell.ignoredMetadataFilter)
    }

    /// Options for writing `notebook` as a script with `script`'s extension; `nil` picks the
    /// notebook's own language (jupytext's `auto` extension).
    public init(notebook: Notebook, script: ScriptLanguage? = nil) throws(LanguageError) {
        let metadata = notebook.metadata
        let chosen: ScriptLanguage
        if let script { chosen = script } else { chosen = try ScriptLanguages.scriptLanguage(of: metadata) }
        self.script = try chosen.requiringLineComment()
        defaultLanguage = ScriptLanguages.defaultLanguage(metadata: metadata, fileExtension: chosen.fileExtension) ?? "python"
        let jupytext = metadata["jupytext"]?.objectValue ?? JSONObject()
        commentMagics = jupytext["comment_magics"].map { $0.isTruthy } ?? true
        cellMetadataJSON = jupytext["cell_metadata_json"]?.isTruthy ?? false
        cellMarkers = jupytext["cell_markers"]?.stringValue
        let custom = (jupytext["custom_cell_magics"]?.stringValue ?? "") + "," + (jupytext["custom_language_magics"]?.stringValue ?? "")
        customMagics = Set(custom.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        rootLevelMetadataAsRawCell = jupytext["root_level_metadata_as_raw_cell"].map { $0.isTruthy } ?? true
        notebookMetadataFilter = PercentWriterMetadataFilter(jupytext["notebook_metadata_filter"])
        cellMetadataFilter = PercentWriterMetadataFilter(jupytext["cell_metadata_filter"])
        cellMetadataPlan = Self.cellPlan(cellMetadataFilter)
    }
}
