import NotebookFormat

/// The commented YAML block that opens a percent script (`header.py::metadata_and_cell_to_header`):
/// a leading raw `---` cell's lines, then `jupyter:` with the notebook metadata jupytext keeps.
/// quire leaves out `jupytext_version`.
struct YAMLHeader {
    /// The commented header lines (empty when there is nothing to write).
    var lines: [String] = []
    /// `lines_to_next_cell` of the raw cell folded into the header.
    var linesToNextCell: Int?
    /// True when the first cell became part of the header.
    var consumedFirstCell = false

    /// `_DEFAULT_NOTEBOOK_METADATA`.
    static let defaultNotebookMetadata = "jupytext,kernelspec,kernel_info,orphan,tocdepth"

    init(metadata: JSONObject, cells: [Cell], options: PercentWriterOptions) {
        var yaml: [String] = []
        if options.rootLevelMetadataAsRawCell, let first = cells.first, first.cellType == "raw" {
            let body = first.source.trimmingCharacters("\n\t ").pythonSplitLines(keepEnds: false)
            if body.count >= 2, Self.isFence(body[0]), Self.isFence(body[body.count - 1]) {
                yaml = Array(body[1..<(body.count - 1)])
                linesToNextCell = first.metadata["lines_to_next_cell"]?.intValue
                consumedFirstCell = true
            }
        }
        var root = JSONObject()
        if !options.rootLevelMetadataAsRawCell,
            case .object(let rootLevel)? = metadata["jupytext"]?.objectValue?["root_level_metadata"]
        {
            root = rootLevel
        }
        let kept = Self.filteredMetadata(metadata, options: options)
        if !kept.isEmpty { root["jupyter"] = .object(kept) }
        if !root.isEmpty { yaml += YAMLHeaderEmitter.lines(of: root) }
        if !yaml.isEmpty {
            lines = options.script.commented(["---"] + yaml + ["---"])
        }
    }

    /// `insert_jupytext_info_and_filter_metadata` without the version line.
    static func filteredMetadata(_ metadata: JSONObject, options: PercentWriterOptions) -> JSONObject {
        var metadata = metadata
        var jupytext = metadata["jupytext"]?.objectValue ?? JSONObject()
        // `writes` pops these before the header is made
        let kernel = metadata["kernelspec"]?.objectValue?["language"]?.stringValue
        let fromKernelOrExtension = (kernel?.isEmpty == false ? kernel : nil) ?? options.script.name
        if let main = jupytext["main_language"]?.stringValue, main == fromKernelOrExtension {
            jupytext.removeValue(forKey: "main_language")
        }
        jupytext.removeValue(forKey: "executable")
        jupytext.removeValue(forKey: "encoding")
        if !options.rootLevelMetadataAsRawCell { jupytext.removeValue(forKey: "root_level_metadata") }
        jupytext["text_representation"] = .object(JSONObject([
            "extension": .string(options.script.fileExtension),
            "format_name": .string("percent"),
            "format_version": .string("1.3"),
        ]))
        metadata["jupytext"] = .object(jupytext)
        return PercentWriterMetadataFilter.filter(
            metadata, user: options.notebookMetadataFilter, default: PercentWriterMetadataFilter(defaultNotebookMetadata))
    }

    /// `^---\s*$`
    private static func isFence(_ line: String) -> Bool {
        line.scalarsStart(with: "---") && line.unicodeScalars.dropFirst(3).allSatisfy { $0.properties.isWhitespace }
    }
}

extension String {
    /// Python's `str.strip(chars)`.
    fileprivate func trimmingCharacters(_ chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !set.contains($0) }), let b = s.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(s[a...b]))
    }
}
