/// What `quire clean` strips. The defaults strip what nbstripout strips by default, except that
/// cell ids are kept as they are.
public struct CleanOptions: Sendable, Equatable {
    /// The keys nbstripout removes by default: `metadata.` paths are in the notebook metadata,
    /// `cell.` paths in every cell.
    public static let defaultStrippedKeys = [
        "metadata.signature",
        "metadata.widgets",
        "cell.metadata.collapsed",
        "cell.metadata.ExecuteTime",
        "cell.metadata.execution",
        "cell.metadata.heading_collapsed",
        "cell.metadata.hidden",
        "cell.metadata.scrolled",
    ]

    /// Keep outputs of every cell. `nil` lets the notebook's own `metadata.keep_output` decide.
    public var keepOutput: Bool?
    /// Keep execution counts of cells and outputs.
    public var keepCount = false
    /// More keys to strip (`metadata.foo`, `cell.metadata.bar`, dots for nesting).
    public var extraKeys: [String] = []
    /// Keys not to strip, even when they are in the default list or `extraKeys`.
    public var keepMetadataKeys: [String] = []
    /// Remove cells whose source is empty or only whitespace.
    public var dropEmptyCells = false
    /// Remove cells that carry any of these tags.
    public var dropTaggedCells: [String] = []
    /// Strip outputs of cells marked `init_cell` too.
    public var stripInitCells = false
    /// Output types to keep even when outputs are stripped (`stream`, `stream:stderr`, ...).
    public var keepOutputTypes: [String] = []
    /// Output types to remove even when outputs are kept.
    public var dropOutputTypes: [String] = []
    /// Keep outputs no larger than this many characters (0: strip all).
    public var maxSize = 0

    public init() {}

    /// The keys actually stripped: defaults plus extras, minus the ones to keep.
    public var strippedKeys: [String] {
        (CleanOptions.defaultStrippedKeys + extraKeys).filter { !keepMetadataKeys.contains($0) }
    }
}
