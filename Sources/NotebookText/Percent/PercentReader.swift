import NotebookFormat

/// Reads a percent script (jupytext's `py:percent`, any language with a line comment) into an
/// nbformat 4.5 notebook, as `jupytext --to ipynb` does: header metadata, cells with their types,
/// titles and metadata, bodies uncommented, magics restored, deterministic cell ids.
///
/// Deliberate differences from jupytext: markdown lines that look like commented magics
/// (`# # cat and dog`) and escaped `# + ` lines in code keep their text; marker options that are
/// not JSON and unknown cell types are errors instead of `incorrectly_encoded_metadata` or titles.
public enum PercentReader {
    /// The notebook a script holds. `fileExtension` (`py`, `.R`...) gives the comment syntax and,
    /// when the header names no kernel, the language. Throws `PercentReaderError` for a bad header
    /// or marker (with its line) and `LanguageError` for an extension with no line comment.
    public static func notebook(from text: String, fileExtension: String) throws -> Notebook {
        let ext = fileExtension.hasPrefix(".") ? fileExtension : "." + fileExtension
        guard let script = ScriptLanguages.forExtension(ext) else { throw LanguageError(.unknownLanguage, language: ext) }
        let comment = try script.requiringLineComment().comment
        let lines = text.pythonSplitLines(keepEnds: false)
        let header = try self.header(lines, comment: comment, fileExtension: ext)
        var metadata = header.metadata
        let jupytext = metadata["jupytext"]?.objectValue ?? JSONObject()
        // Hydrogen is the percent format without commented magics; other formats are refused
        // rather than read as one long code cell.
        let format = jupytext["text_representation"]?.objectValue?["format_name"]?.stringValue ?? "percent"
        guard format == "percent" || format == "hydrogen" else {
            throw PercentReaderError(
                .unsupportedFormat, line: 1,
                "the header says this script is in jupytext's '\(format)' format; quire reads percent scripts only "
                    + "(convert it once with: jupytext --to py:percent)")
        }
        let context = Context(
            lines: lines, fileExtension: ext, comment: comment,
            defaultLanguage: ScriptLanguages.defaultLanguage(metadata: metadata, fileExtension: ext) ?? script.name,
            commentMagics: format == "percent" && jupytext["comment_magics"] != .bool(false))

        var cells: [Cell] = header.rawCell.map { [$0] } ?? []
        var usesJSON = false
        var position = header.end
        while position < lines.count {
            let read = try readCell(at: position, context)
            cells.append(read.cell)
            usesJSON = usesJSON || read.usesJSONMetadata
            position = read.next
        }

        let customMagics = (jupytext["custom_cell_magics"]?.stringValue ?? "").split(separator: ",").map(String.init)
            + languageList(jupytext["custom_language_magics"])
        setMainAndCellLanguage(&metadata, &cells, fileExtension: ext, customMagics: customMagics)
        updateMetadataFilters(&metadata, hasJupyterSection: header.hasJupyterSection, cells: cells)
        if usesJSON {
            var object = metadata["jupytext"]?.objectValue ?? JSONObject()
            if object["cell_metadata_json"] == nil { object["cell_metadata_json"] = .bool(true) }
            metadata["jupytext"] = .object(object)
        }
        // What jupytext drops when it writes the ipynb.
        if var object = metadata["jupytext"]?.objectValue {
            object.removeValue(forKey: "text_representation")
            metadata["jupytext"] = object.isEmpty ? nil : .object(object)
        }

        fillMissingIDs(&cells)
        var json = JSONObject()
        json["cells"] = .array(cells.map { .object($0.json) })
        json["metadata"] = .object(metadata)
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(5)
        return Notebook(json: json)
    }

    /// The metadata of the script's header alone (`jupytext.formats`, the kernelspec...), without
    /// reading its cells.
    public static func headerMetadata(of text: String, fileExtension: String) throws -> JSONObject {
        let ext = fileExtension.hasPrefix(".") ? fileExtension : "." + fileExtension
        guard let script = ScriptLanguages.forExtension(ext) else { throw LanguageError(.unknownLanguage, language: ext) }
        let comment = try script.requiringLineComment().comment
        return try header(text.pythonSplitLines(keepEnds: false), comment: comment, fileExtension: ext).metadata
    }

    private static func languageList(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?: return text.split(separator: ",").map(String.init)
        case .array(let items)?: return items.compactMap(\.stringValue)
        default: return []
        }
    }

    /// `set_main_and_cell_language`: records `jupytext.main_language` when the kernelspec names
    /// none, and turns a cell's `language` other than the main one back into its `%%lang` magic.
    static func setMainAndCellLanguage(_ metadata: inout JSONObject, _ cells: inout [Cell], fileExtension: String, customMagics: [String]) {
        var main = ScriptLanguages.defaultLanguage(metadata: metadata, fileExtension: fileExtension) ?? ""
        if main.isEmpty {
            var counts: [(String, Double)] = [("python", 0.5)]
            for cell in cells {
                guard let language = cell.metadata["language"]?.stringValue else { continue }
                let usual = ScriptLanguages.usualName(language)
                if let i = counts.firstIndex(where: { $0.0 == usual }) { counts[i].1 += 1 } else { counts.append((usual, 1)) }
            }
            main = counts.max { $0.1 < $1.1 }?.0 ?? "python"
        }
        if metadata["kernelspec"]?.objectValue?["language"] == nil && !cells.isEmpty {
            var jupytext = metadata["jupytext"]?.objectValue ?? JSONObject()
            jupytext["main_language"] = .string(main)
            metadata["jupytext"] = .object(jupytext)
        }
        for i in cells.indices {
            guard let language = cells[i].metadata["language"]?.stringValue else { continue }
            if language == main {
                cells[i].removeMetadata("language")
                continue
            }
            if ScriptLanguages.usualName(language) == main { continue }
            guard ScriptLanguages.cellMagicLanguages.contains(language) || customMagics.contains(language) else { continue }
            cells[i].removeMetadata("language")
            let magic = main == "csharp" ? "#!" : "%%"
            var firstLine = magic + language
            if let args = cells[i].removeMetadata("magic_args") {
                firstLine += " " + (args.stringValue ?? "")
            }
            cells[i].json["source"] = .string(firstLine + "\n" + cells[i].source)
        }
    }

    /// `update_metadata_filters`: a script without a `jupyter:` header gets filters that keep
    /// its metadata as it is (`-all` for the notebook, the keys its cells use for cells).
    static func updateMetadataFilters(_ metadata: inout JSONObject, hasJupyterSection: Bool, cells: [Cell]) {
        var cellKeys: [String] = []
        for cell in cells {
            for key in cell.metadata.keys where !cellKeys.contains(key) { cellKeys.append(key) }
        }
        var jupytext = metadata["jupytext"]?.objectValue ?? JSONObject()
        let internalKeys = ["skipline", "noskipline", "cell_marker", "lines_to_next_cell", "lines_to_end_of_cell_marker"]
        if !hasJupyterSection {
            jupytext["notebook_metadata_filter"] = .string("-all")
            if jupytext["cell_metadata_filter"] == nil {
                let kept = cellKeys.filter { !internalKeys.contains($0) }
                jupytext["cell_metadata_filter"] = .string((kept + ["-all"]).joined(separator: ","))
            }
            metadata["jupytext"] = .object(jupytext)
            return
        }
        if let filter = jupytext["cell_metadata_filter"] {
            let parsed = PercentWriterMetadataFilter(filter)
            var additional: [String]? = nil
            if case .list(let list) = parsed.additional { additional = list }
            var entries: [String] = []
            if var additional {
                for key in cellKeys where !additional.contains(key) { additional.append(key) }
                entries = additional.filter { !internalKeys.contains($0) }
            } else {
                entries = ["all"]
            }
            switch parsed.excluded {
            case .all: entries.append("-all")
            case .list(let excluded): entries += excluded.filter { !cellKeys.contains($0) }.map { "-" + $0 }
            }
            jupytext["cell_metadata_filter"] = .string(entries.joined(separator: ","))
            metadata["jupytext"] = .object(jupytext)
            return
        }
        var notebookFilter = (jupytext["notebook_metadata_filter"]?.stringValue ?? "").split(separator: ",").map(String.init)
        if notebookFilter.contains("all") || notebookFilter.contains("-all") { return }
        let defaults = ["jupytext", "kernelspec", "org_babel", "kernel_info", "orphan", "tocdepth"]
        for key in metadata.keys where !defaults.contains(key) && !notebookFilter.contains(key) && !notebookFilter.contains("-" + key) {
            notebookFilter.append(key)
        }
        if !notebookFilter.isEmpty {
            jupytext["notebook_metadata_filter"] = .string(notebookFilter.joined(separator: ","))
            metadata["jupytext"] = .object(jupytext)
        }
    }
}
