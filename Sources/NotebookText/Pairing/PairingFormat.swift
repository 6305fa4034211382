/// One entry of jupytext's `formats` (`formats.py::long_form_one_format`):
/// `[prefix/][suffix]ext[:format_name]`, as in `scripts//py:percent` or `.pct.py:percent`.
public struct PairingFormat: Sendable, Equatable, CustomStringConvertible {
    /// A folder and/or file-name prefix; `a//b/` names a root folder `a` found anywhere above the file.
    public var prefix: String
    /// Text between the base name and the extension, like `.pct` in `nb.pct.py`.
    public var suffix: String
    /// The extension with its dot: `.ipynb`, `.py`.
    public var fileExtension: String
    /// `percent`, `light`, `myst`..., or nil when the entry names none.
    public var formatName: String?

    public init(prefix: String = "", suffix: String = "", fileExtension: String, formatName: String? = nil) {
        self.prefix = prefix
        self.suffix = suffix
        self.fileExtension = fileExtension
        self.formatName = formatName
    }

    /// Parses one entry; `auto` stays `.auto` until a notebook's language gives it an extension.
    public init(parsing text: String) throws(PairingError) {
        let aliases = ["notebook": "ipynb", "rmarkdown": "Rmd", "markdown": "md", "script": "auto", "c++": "cpp", "quarto": "qmd"]
        var rest = Substring(aliases[text.lowercased()] ?? text)
        var prefix = ""
        // Only a slash after the first character starts a prefix (jupytext: `rfind("/") > 0`).
        if let slash = rest.lastIndex(of: "/"), slash != rest.startIndex {
            prefix = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        var formatName: String?
        if let colon = rest.lastIndex(of: ":") {
            formatName = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        } else if !rest.isEmpty, !rest.contains("."), Self.formatNames.contains(String(rest)) {
            formatName = String(rest)
            rest = ""
        }
        var suffix = ""
        if let dot = rest.lastIndex(of: "."), dot != rest.startIndex {
            suffix = String(rest[..<dot])
            rest = rest[dot...]
        }
        let ext = rest.hasPrefix(".") ? String(rest) : "." + rest
        guard ext.count > 1 else { throw PairingError("'\(text)' names no file extension (write ipynb, py:percent, scripts//py:percent...)") }
        self.init(prefix: prefix, suffix: suffix, fileExtension: ext, formatName: formatName)
    }

    /// jupytext's short form, as written back into `formats`.
    public var description: String {
        var text = prefix.isEmpty ? "" : prefix + "/"
        text += suffix + (suffix.isEmpty ? String(fileExtension.dropFirst()) : fileExtension)
        if let formatName { text += ":" + formatName }
        return text
    }

    public var isNotebook: Bool { fileExtension == ".ipynb" }

    /// Format names jupytext knows without an extension (`formats.py::_VALID_FORMAT_NAMES`).
    static let formatNames: Set<String> = [
        "percent", "light", "nomarker", "hydrogen", "sphinx", "spin", "markdown", "myst", "rmarkdown",
        "quarto", "pandoc", "marimo", "double_percent",
    ]
}

/// A `formats` value that quire cannot use; the message says what to write instead.
public struct PairingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
