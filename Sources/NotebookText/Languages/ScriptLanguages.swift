import NotebookFormat

/// jupytext's `_SCRIPT_EXTENSIONS` table and its rules for finding a notebook's language
/// (`languages.py`, `formats.py::auto_ext_from_metadata`), jupytext 1.19.6.
public enum ScriptLanguages {
    /// Every script extension jupytext knows, in jupytext's order (the order matters: the first
    /// extension of a language is its default).
    public static let all: [ScriptLanguage] = [
        .init(name: "python", fileExtension: ".py", comment: "#"),
        .init(name: "coconut", fileExtension: ".coco", comment: "#"),
        .init(name: "R", fileExtension: ".R", comment: "#"),
        .init(name: "R", fileExtension: ".r", comment: "#"),
        .init(name: "julia", fileExtension: ".jl", comment: "#"),
        .init(name: "c++", fileExtension: ".cpp", comment: "//"),
        .init(name: "scheme", fileExtension: ".ss", comment: ";;"),
        .init(name: "clojure", fileExtension: ".clj", comment: ";;"),
        .init(name: "scheme", fileExtension: ".scm", comment: ";;"),
        .init(name: "bash", fileExtension: ".sh", comment: "#"),
        .init(name: "powershell", fileExtension: ".ps1", comment: "#"),
        .init(name: "q", fileExtension: ".q", comment: "/"),
        .init(name: "matlab", fileExtension: ".m", comment: "%"),
        .init(name: "wolfram language", fileExtension: ".wolfram", comment: "(*", commentSuffix: "*)"),
        .init(name: "idl", fileExtension: ".pro", comment: ";"),
        .init(name: "javascript", fileExtension: ".js", comment: "//"),
        .init(name: "typescript", fileExtension: ".ts", comment: "//"),
        .init(name: "scala", fileExtension: ".scala", comment: "//"),
        .init(name: "rust", fileExtension: ".rs", comment: "//"),
        .init(name: "robotframework", fileExtension: ".robot", comment: "#"),
        .init(name: "robotframework", fileExtension: ".resource", comment: "#"),
        .init(name: "csharp", fileExtension: ".cs", comment: "//"),
        .init(name: "fsharp", fileExtension: ".fsx", comment: "//"),
        .init(name: "fsharp", fileExtension: ".fs", comment: "//"),
        .init(name: "sos", fileExtension: ".sos", comment: "#"),
        .init(name: "java", fileExtension: ".java", comment: "//"),
        .init(name: "groovy", fileExtension: ".groovy", comment: "//"),
        .init(name: "sage", fileExtension: ".sage", comment: "#"),
        .init(name: "ocaml", fileExtension: ".ml", comment: "(*", commentSuffix: "*)"),
        .init(name: "haskell", fileExtension: ".hs", comment: "--"),
        .init(name: "tcl", fileExtension: ".tcl", comment: "#"),
        .init(name: "maxima", fileExtension: ".mac", comment: "/*", commentSuffix: "*/"),
        .init(name: "gnuplot", fileExtension: ".gp", comment: "#"),
        .init(name: "stata", fileExtension: ".do", comment: "//"),
        .init(name: "sas", fileExtension: ".sas", comment: "/*", commentSuffix: "*/"),
        .init(name: "jenner", fileExtension: ".jenner", comment: "/*", commentSuffix: "*/"),
        .init(name: "xonsh", fileExtension: ".xsh", comment: "#"),
        .init(name: "logtalk", fileExtension: ".lgt", comment: "%"),
        .init(name: "logtalk", fileExtension: ".logtalk", comment: "%"),
        .init(name: "lua", fileExtension: ".lua", comment: "--"),
        .init(name: "go", fileExtension: ".go", comment: "//"),
    ]

    /// The entry for a script extension (`.py`, `.R`; with or without the dot; case-sensitive as jupytext).
    public static func forExtension(_ fileExtension: String) -> ScriptLanguage? {
        let ext = fileExtension.hasPrefix(".") ? fileExtension : "." + fileExtension
        return all.first { $0.fileExtension == ext }
    }

    /// The first entry whose language is the same as `language` (`usual_language_name` on both sides).
    public static func forLanguage(_ language: String) -> ScriptLanguage? {
        let usual = usualName(language)
        return all.first { usualName($0.name) == usual }
    }

    /// `usual_language_name`: lower case, with jupytext's aliases (`r` → `R`, `c++17` → `c++`,
    /// `octave` → `matlab`, `c#`/`cs` → `csharp`, `f#`/`fs` → `fsharp`, `sas` → `SAS`).
    public static func usualName(_ language: String) -> String {
        let lower = language.lowercased()
        switch lower {
        case "r": return "R"
        case "octave": return "matlab"
        case "cs", "c#": return "csharp"
        case "fs", "f#": return "fsharp"
        case "sas": return "SAS"
        default: return lower.hasPrefix("c++") ? "c++" : lower
        }
    }

    /// `default_language_from_metadata_and_ext`: `jupytext.main_language`, else
    /// `kernelspec.language`, else the language of the extension; normalised as jupytext does
    /// (`R` and `sas` kept, `C++…` → `c++`, otherwise lower case with `#` → `sharp`).
    public static func defaultLanguage(metadata: JSONObject, fileExtension: String?) -> String? {
        let fromExtension = fileExtension.flatMap { forExtension($0)?.name }
        let main = metadata["jupytext"]?.objectValue?["main_language"]?.stringValue
        let kernel = metadata["kernelspec"]?.objectValue?["language"]?.stringValue
        let kernelOrExtension = (kernel?.isEmpty == false ? kernel : nil) ?? fromExtension
        guard let language = (main?.isEmpty == false ? main : nil) ?? kernelOrExtension else { return nil }
        if language == "R" || language == "sas" { return language }
        if language.hasPrefix("C++") { return "c++" }
        return language.lowercased().split(separator: "#", omittingEmptySubsequences: false).joined(separator: "sharp")
    }

    /// `auto_ext_from_metadata`: `language_info.file_extension`, else the extension of
    /// `kernelspec.language` (or `jupytext.main_language`); `.r` → `.R`, `.fs` → `.fsx`,
    /// `.resource` → `.robot`, `.C` → `.cpp`, and `.sage` for Sage kernels.
    public static func autoExtension(metadata: JSONObject) -> String? {
        let kernelLanguage = metadata["kernelspec"]?.objectValue?["language"]?.stringValue
        var ext = metadata["language_info"]?.objectValue?["file_extension"]?.stringValue
        if ext == ".py" && kernelLanguage == "sage" { ext = ".sage" }
        if ext == nil {
            let main = metadata["jupytext"]?.objectValue?["main_language"]?.stringValue
            if let language = (kernelLanguage?.isEmpty == false ? kernelLanguage : nil) ?? main, !language.isEmpty {
                ext = forLanguage(language)?.fileExtension
            }
        }
        switch ext {
        case ".r": return ".R"
        case ".fs": return ".fsx"
        case ".resource": return ".robot"
        case ".C": return ".cpp"
        default: return ext
        }
    }

    /// The script language of a notebook written without an explicit extension (`auto:percent`):
    /// the entry for `autoExtension(metadata:)`, Python when the notebook names no language.
    /// Throws when the extension is unknown to jupytext's table or has no line comment.
    public static func scriptLanguage(of metadata: JSONObject) throws(LanguageError) -> ScriptLanguage {
        guard let ext = autoExtension(metadata: metadata) else {
            return all[0]
        }
        guard let language = forExtension(ext) else {
            throw LanguageError(.unknownLanguage, language: ext)
        }
        return try language.requiringLineComment()
    }

    /// The languages a cell magic may name to switch a cell's language (`%%bash`, `%%R`...):
    /// jupytext's `_JUPYTER_LANGUAGES`, i.e. its list plus the table's languages and `c#`, `f#`, `cs`, `fs`.
    public static let cellMagicLanguages: Set<String> = {
        let base: [String] = [
            "R", "bash", "sh", "python", "python2", "python3", "coconut", "javascript", "js", "perl",
            "html", "latex", "markdown", "pypy", "ruby", "script", "svg", "matlab", "octave", "idl",
            "robotframework", "sas", "spark", "sql", "cython", "haskell", "tcl", "gnuplot",
            "wolfram language", "c#", "f#", "cs", "fs",
        ]
        return Set(base).union(all.map(\.name))
    }()

    /// `_JUPYTER_LANGUAGES_LOWER_AND_UPPER`: `cellMagicLanguages` plus their upper-case forms
    /// (what the reader accepts in `language="..."` options).
    public static let cellMagicLanguagesLowerAndUpper: Set<String> =
        cellMagicLanguages.union(cellMagicLanguages.map { $0.uppercased() })

    /// jupytext's `_COMMENT`: the comment prefix of a language name as the table spells it
    /// (the last entry of a language wins, as in the Python dict).
    public static func commentPrefix(ofLanguage name: String) -> String? {
        all.last { $0.name == name }?.comment
    }

    /// Every comment prefix other than `#` (`_COMMENT_CHARS`), which the reader treats as comments too.
    public static let otherCommentPrefixes: [String] = all.map(\.comment).filter { $0 != "#" }
}
