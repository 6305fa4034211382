import NotebookFormat

/// What `jupytext --to ... -o DEST` does with `metadata.jupytext.formats` (`cli.py`): the pairing
/// stays in the script only when DEST is one of the paired files; on stdout it is always dropped.
extension PercentWriter {
    /// The notebook without `jupytext.formats` (and without an empty `jupytext` left behind).
    public static func withoutPairing(_ notebook: Notebook) -> Notebook {
        var notebook = notebook
        var metadata = notebook.metadata
        guard case .object(var jupytext)? = metadata["jupytext"], jupytext.contains("formats") else { return notebook }
        jupytext.removeValue(forKey: "formats")
        metadata["jupytext"] = .object(jupytext)
        notebook.metadata = metadata
        return notebook
    }

    /// True when the notebook's `jupytext.formats` names a file like `destination`
    /// (`ipynb,py:percent` pairs `nb.py`; `ipynb,.pct.py:percent` pairs `nb.pct.py`; `scripts//py` pairs `scripts/nb.py`).
    public static func isPaired(_ notebook: Notebook, destination: String) -> Bool {
        guard let formats = notebook.metadata["jupytext"]?.objectValue?["formats"]?.stringValue else { return false }
        let name = destination.split(separator: "/").last.map(String.init) ?? destination
        for entry in formats.split(separator: ",") {
            var format = Substring(entry)
            if let colon = format.firstIndex(of: ":") { format = format[..<colon] }
            let last = format.split(separator: "/", omittingEmptySubsequences: false).last ?? format
            guard !last.isEmpty else { continue }
            let ending = last.scalarsStart(with: ".") ? String(last) : "." + last
            if name.scalarsEnd(with: ending) && name.count > ending.count { return true }
        }
        return false
    }
}
