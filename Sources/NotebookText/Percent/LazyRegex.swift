/// A regular expression compiled on its first use: most lines never reach the patterns that
/// jupytext's magics rules need, and compiling one costs more than converting a small notebook.
/// Not Sendable: one conversion owns it.
final class LazyRegex {
    private let pattern: String
    private var compiled: Regex<AnyRegexOutput>??

    init(_ pattern: String) {
        self.pattern = pattern
    }

    /// True when the pattern matches at the start of `line` (Python's `re.match`).
    func matchesPrefix(of line: String) -> Bool {
        if compiled == nil { compiled = .some((try? Regex(pattern))?.matchingSemantics(.unicodeScalar)) }
        guard let regex = compiled ?? nil else { return false }
        return (try? regex.prefixMatch(in: line)) != nil
    }
}
