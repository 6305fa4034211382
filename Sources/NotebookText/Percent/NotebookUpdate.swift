import NotebookFormat

/// Updates an existing notebook from the notebook a script reads as (`jupytext --update` and
/// `--sync`, `combine.py::combine_inputs_with_outputs`): the inputs come from the script; the
/// outputs, execution counts, attachments, ids and the metadata the text does not carry come
/// from the existing cells that still match. New cells get fresh deterministic ids; cells that
/// are not in the script any more are gone.
public enum NotebookUpdate {
    /// `existing` with the cells and text metadata of `script` (from `PercentReader`).
    public static func updating(_ existing: Notebook, from script: Notebook) -> Notebook {
        guard let existing = existing.major == 4 ? existing : try? existing.upgradedToV4(), existing.major == 4 else {
            return script
        }
        let scriptMetadata = script.metadata
        let scriptJupytext = scriptMetadata["jupytext"]?.objectValue ?? JSONObject()
        var metadata: JSONObject
        if scriptJupytext["notebook_metadata_filter"] == .string("-all") {
            metadata = existing.metadata
        } else {
            metadata = restoringFiltered(
                scriptMetadata, from: existing.metadata,
                filter: PercentWriterMetadataFilter.Plan(
                    user: PercentWriterMetadataFilter(scriptJupytext["notebook_metadata_filter"]),
                    default: PercentWriterMetadataFilter(notebookDefaults)))
        }
        if var jupytext = metadata["jupytext"]?.objectValue {
            jupytext.removeValue(forKey: "text_representation")
            metadata["jupytext"] = jupytext.isEmpty ? nil : .object(jupytext)
        }
        let cellFilter = PercentWriterMetadataFilter.Plan(
            user: PercentWriterMetadataFilter(metadata["jupytext"]?.objectValue?["cell_metadata_filter"]),
            default: PercentWriterMetadataFilter(cellDefaults))

        let inputs = script.cells, outputs = existing.cells
        let map = outputsMap(inputs: inputs, outputs: outputs)
        var cells: [Cell] = []
        cells.reserveCapacity(inputs.count)
        for (input, match) in zip(inputs, map) {
            guard let match else {
                var cell = input
                cell.json.removeValue(forKey: "id")  // ids are given below, away from the kept ones
                cells.append(cell)
                continue
            }
            var cell = outputs[match]
            cell.json["source"] = .string(input.source)
            cell.metadata = restoringFiltered(input.metadata, from: outputs[match].metadata, filter: cellFilter)
            cells.append(cell)
        }

        var json = existing.json
        json["metadata"] = .object(metadata)
        if existing.hasCellIDs {
            // A kept cell whose id an earlier kept cell already has (a broken file) gets a new one.
            var seen = Set<String>()
            for i in cells.indices {
                guard let id = cells[i].id else { continue }
                if !seen.insert(id).inserted { cells[i].json.removeValue(forKey: "id") }
            }
            PercentReader.fillMissingIDs(&cells)
        }
        // Before 4.5 new cells get no id; kept cells stay as they were, as jupytext keeps them.
        json["cells"] = .array(cells.map { .object($0.json) })
        return Notebook(json: json)
    }

    /// jupytext's `_DEFAULT_NOTEBOOK_METADATA`: what a header keeps by default.
    static let notebookDefaults = "jupytext,kernelspec,org_babel,kernel_info,orphan,tocdepth"
    /// jupytext's `_IGNORE_CELL_METADATA`: cell metadata never written to text.
    static let cellDefaults =
        "-autoscroll,-collapsed,-scrolled,-trusted,-execution,-ExecuteTime,"
        + "-skipline,-noskipline,-cell_marker,-lines_to_next_cell,-lines_to_end_of_cell_marker"
    static let jupytextCellKeys: Set<String> = [
        "skipline", "noskipline", "cell_marker", "lines_to_next_cell", "lines_to_end_of_cell_marker",
    ]

    /// `restore_filtered_metadata`: the text's metadata, plus every key of the old metadata that
    /// the filter keeps out of the text (jupytext's own layout keys excepted).
    static func restoringFiltered(_ text: JSONObject, from old: JSONObject, filter: PercentWriterMetadataFilter.Plan) -> JSONObject {
        let shown = filter.apply(old)
        var metadata = text
        for entry in old where !shown.contains(entry.key) && !jupytextCellKeys.contains(entry.key) {
            metadata[entry.key] = entry.value
        }
        return metadata
    }
}
