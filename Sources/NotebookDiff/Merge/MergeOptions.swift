/// Choices for a notebook merge.
public struct MergeOptions: Sendable, Equatable {
    /// Whose outputs and execution counts a merged code cell gets.
    public enum Outputs: String, Sendable, CaseIterable {
        /// The side whose source wins; when both changed the source, or it is unclear, none.
        case auto
        /// Always local's.
        case local
        /// Always remote's.
        case remote
        /// Always none: outputs cleared, execution count null.
        case clear
    }

    public var outputs: Outputs
    /// Show the base lines of a source conflict between `||||||| base` and `=======`, as git's
    /// `diff3` conflict style does.
    public var showBase: Bool

    public init(outputs: Outputs = .auto, showBase: Bool = false) {
        self.outputs = outputs
        self.showBase = showBase
    }
}
