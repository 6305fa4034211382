import NotebookFormat

/// Writes a notebook as a percent script, byte for byte as `jupytext --to py:percent` 1.19.6
/// does, except that the header has no `jupytext_version:` line (`jupytext.py::writes`).
public enum PercentWriter {
    /// The script text of `notebook` as a `.py` percent script (jupytext's `--to py:percent`).
    /// Throws `NotebookError` for a notebook jupytext refuses (`checkConvertible`).
    public static func text(of notebook: Notebook) throws -> String {
        try checkConvertible(notebook)
        return text(of: notebook, options: try PercentWriterOptions(notebook: notebook, script: ScriptLanguages.all[0]))
    }

    /// The script text of `notebook` with the given options (script language, jupytext settings).
    public static func text(of notebook: Notebook, options: PercentWriterOptions) -> String {
        let metadata = notebook.metadata
        var cells = notebook.cells
        var prefix = encodingAndExecutable(metadata: metadata, cells: cells, options: options)
        let header = YAMLHeader(metadata: metadata, cells: cells, options: options)
        if header.consumedFirstCell { cells.removeFirst() }

        var exporters = cells.map { PercentWriterCell($0, options: options) }
        var magics: [String: PercentWriterMagics] = [:]
        let texts = exporters.indices.map { exporters[$0].lines(options: options, magics: &magics) }
        // cells are joined from the last, as jupytext does: the blank lines after a cell depend on
        // what follows it; `chunks` holds the following cells, last first
        var chunks: [[String]] = []
        for i in exporters.indices.reversed() {
            var text = texts[i]
            let blank = exporters[i].linesToNextCell
                ?? PercentWriterPEP8.linesBetween(text, chunks.reversed().joined(), fileExtension: options.script.fileExtension)
            text += Array(repeating: "", count: max(0, blank))
            chunks.append(text)
        }
        let lines = Array(chunks.reversed().joined())
        let headerBlank = header.linesToNextCell
            ?? PercentWriterPEP8.linesBetween(header.lines, lines, fileExtension: options.script.fileExtension)
        prefix += header.lines + Array(repeating: "", count: max(0, headerBlank))
        var result = LineBytes.joined([prefix, lines])
        if !result.scalarsEnd(with: "\n") { result += "\n" }
        return result
    }

    /// `encoding_and_executable`: `#!` from `jupytext.executable`, then `jupytext.encoding` or a
    /// UTF-8 coding line for a non-Python notebook with non-ASCII sources.
    static func encodingAndExecutable(metadata: JSONObject, cells: [Cell], options: PercentWriterOptions) -> [String] {
        var lines: [String] = []
        let jupytext = metadata["jupytext"]?.objectValue
        if let executable = jupytext?["executable"] { lines.append("#!" + (executable.stringValue ?? "")) }
        if let encoding = jupytext?["encoding"] {
            lines.append(encoding.stringValue ?? "")
        } else if options.defaultLanguage != "python",
            cells.contains(where: { !$0.source.unicodeScalars.allSatisfy(\.isASCII) })
        {
            lines.append(options.script.comment + " -*- coding: utf-8 -*-")
        }
        return lines
    }
}
