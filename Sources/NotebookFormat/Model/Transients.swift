/// nbformat's `strip_transient`: keys that only matter while a notebook is open.
enum Transients {
    static func strip(_ notebook: inout Notebook) {
        guard notebook.major >= 3 else { return }  // nbformat v2 never stripped anything
        if notebook.major == 4 {
            for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] where notebook.metadata.contains(key) {
                notebook.metadata.removeValue(forKey: key)
            }
        } else {
            notebook.json.removeValue(forKey: "orig_nbformat")
            notebook.json.removeValue(forKey: "orig_nbformat_minor")
        }
        let isV3 = notebook.major == 3
        notebook.updateCells { cells in
            for i in cells.indices {
                cells[i].removeMetadata("trusted")
                if isV3 { cells[i].json.removeValue(forKey: "trusted") }
            }
        }
    }
}
