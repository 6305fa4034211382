/// Which parts of two notebooks a diff looks at, as nbdime's `-s -o -a -m -i -d` flags choose.
/// An ignored part never counts as a difference; cells are still inserted and deleted as wholes.
public struct DiffOptions: Sendable, Equatable {
    /// Cell sources.
    public var sources = true
    /// Cell outputs.
    public var outputs = true
    /// Cell attachments.
    public var attachments = true
    /// Notebook, cell and output metadata.
    public var metadata = true
    /// Cell ids. When ignored, cells are also paired without looking at their ids.
    public var ids = true
    /// Everything else: execution counts (of cells and outputs), the nbformat version and keys
    /// outside the nbformat schema. nbdime's `--ignore-details` covers the execution counts.
    public var details = true

    public init(
        sources: Bool = true, outputs: Bool = true, attachments: Bool = true,
        metadata: Bool = true, ids: Bool = true, details: Bool = true
    ) {
        self.sources = sources
        self.outputs = outputs
        self.attachments = attachments
        self.metadata = metadata
        self.ids = ids
        self.details = details
    }

    /// Everything.
    public static let all = DiffOptions()

    /// Only cell sources (and which cells exist), like nbdime's `nbdiff -s`.
    public static let sourcesOnly = DiffOptions(outputs: false, attachments: false, metadata: false, ids: false, details: false)
}
