import NotebookFormat

/// The notebooks jupytext 1.19.6 refuses to convert (its golden `TOOL-ERRORS.tsv`), refused here
/// too with a clear message instead of a Python traceback.
extension PercentWriter {
    /// Throws `.notANotebook` / `.unsupportedVersion` (exit 65) for an nbformat 2 or 3 file, a missing
    /// `nbformat_minor`, a cell without `source`, or notebook metadata that is not an object where
    /// jupytext reads into it (`kernelspec`, `jupytext`, `language_info`).
    public static func checkConvertible(_ notebook: Notebook) throws(NotebookError) {
        if notebook.major < 4 {
            throw NotebookError(
                .unsupportedVersion,
                "nbformat \(notebook.major) notebooks are not converted to scripts (jupytext neither); "
                    + "upgrade it first with `quire normalize FILE`")
        }
        if notebook.json["nbformat_minor"]?.intValue == nil {
            throw NotebookError(.notANotebook, "nbformat_minor is missing; `quire normalize FILE` adds it", jsonPath: "/nbformat_minor")
        }
        if let metadata = notebook.json["metadata"], metadata.objectValue == nil {
            throw NotebookError(.notANotebook, "the notebook metadata is not an object", jsonPath: "/metadata")
        }
        for key in ["kernelspec", "jupytext", "language_info"] {
            if let value = notebook.metadata[key], value.objectValue == nil {
                throw NotebookError(.notANotebook, "metadata.\(key) should be an object, not \(value.typeName)", jsonPath: "/metadata/\(key)")
            }
        }
        guard case .array(let cells)? = notebook.json["cells"] else {
            throw NotebookError(.notANotebook, "the notebook has no cells list", jsonPath: "/cells")
        }
        for (index, value) in cells.enumerated() {
            guard let cell = value.objectValue else {
                throw NotebookError(.notANotebook, "cell \(index) is not an object", jsonPath: "/cells/\(index)")
            }
            if cell["source"] == nil {
                throw NotebookError(.notANotebook, "cell \(index) has no source", jsonPath: "/cells/\(index)/source")
            }
            if let metadata = cell["metadata"], metadata.objectValue == nil {
                throw NotebookError(.notANotebook, "cell \(index) metadata is not an object", jsonPath: "/cells/\(index)/metadata")
            }
        }
    }
}
