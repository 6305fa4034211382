/// A notebook whose kernel language quire cannot write as (or read from) a percent script.
public struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The language is known, but has only block comments (OCaml, SAS, Maxima, Wolfram).
        case noLineComment
        /// No script extension or comment syntax is known for the language or extension.
        case unknownLanguage
    }

    public var code: Code
    /// The language name or the file extension that was asked for.
    public var language: String

    public init(_ code: Code, language: String) {
        self.code = code
        self.language = language
    }

    public var description: String {
        switch code {
        case .noLineComment:
            return "the kernel language '\(language)' has no line comment, so it has no percent script form; "
                + "convert the notebook to another format or change its kernel"
        case .unknownLanguage:
            return "no script extension or comment syntax is known for '\(language)'; "
                + "name the extension explicitly (for example --to py:percent)"
        }
    }
}
