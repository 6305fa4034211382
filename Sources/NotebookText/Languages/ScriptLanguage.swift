/// A kernel language as jupytext's `languages.py` knows it: the script extension, and the comment
/// syntax used for markdown cells, the header and commented magics in a script of that language.
public struct ScriptLanguage: Sendable, Equatable, Hashable {
    /// jupytext's name: `python`, `R`, `julia`, `c++`, `scala`, `bash`...
    public let name: String
    /// The script extension with its dot: `.py`, `.R`, `.scala`.
    public let fileExtension: String
    /// The comment prefix: `#`, `//`, `%`, `;;`, `--`; a block opener (`(*`) when `commentSuffix` is set.
    public let comment: String
    /// The block comment closer (`*)`, `*/`) for languages with no line comment (OCaml, SAS, Maxima).
    public let commentSuffix: String?

    public init(name: String, fileExtension: String, comment: String, commentSuffix: String? = nil) {
        self.name = name
        self.fileExtension = fileExtension
        self.comment = comment
        self.commentSuffix = commentSuffix
    }

    /// True when the language has a line comment, which the percent format needs.
    public var hasLineComment: Bool { commentSuffix == nil }

    /// `comment_lines`: a non-empty line becomes `prefix + " " + line`, an empty line the bare prefix.
    public func commented(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? comment : comment + " " + $0 }
    }

    /// The language itself when it has a line comment; otherwise the error the percent format gives.
    public func requiringLineComment() throws(LanguageError) -> ScriptLanguage {
        guard hasLineComment else { throw LanguageError(.noLineComment, language: name) }
        return self
    }
}
