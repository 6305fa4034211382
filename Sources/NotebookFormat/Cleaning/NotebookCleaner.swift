/// Strips outputs, execution counts and volatile metadata, as nbstripout does, but keeps cell
/// ids as they are (nbstripout renumbers them, which breaks cell identity across versions).
public enum NotebookCleaner {
    /// Cleans notebook bytes and returns the canonical bytes of the result. The notebook keeps
    /// its nbformat version; clean canonical input comes back byte for byte.
    public static func clean(_ input: [UInt8], options: CleanOptions) throws(NotebookError) -> [UInt8] {
        var notebook = try NotebookReader.read(input)
        try clean(&notebook, options: options)
        return NotebookWriter.bytes(notebook)
    }

    public static func clean(_ notebook: inout Notebook, options: CleanOptions) throws(NotebookError) {
        let keys = options.strippedKeys
        let notebookKeys = keys.compactMap { $0.removingPrefix("metadata.").map(DottedKey.init) }
        let cellKeys = keys.compactMap { $0.removingPrefix("cell.").map(DottedKey.init) }
        var metadata = notebook.metadata
        var metadataChanged = false
        for key in notebookKeys where metadata.removeValue(at: key) != nil { metadataChanged = true }
        if metadataChanged { notebook.metadata = metadata }

        let keepOutputDefault = options.keepOutput ?? notebook.metadata["keep_output"]?.isTruthy ?? false
        var failure: NotebookError?
        notebook.updateCells { cells in
            cells.removeAll { shouldDrop($0, options: options) }
            for i in cells.indices {
                do throws(NotebookError) {
                    let keep = try OutputPolicy.keepsOutput(cells[i], default: keepOutputDefault, options: options)
                    cleanCell(&cells[i], keepOutput: keep, options: options)
                } catch {
                    failure = failure ?? error
                }
                for key in cellKeys { cells[i].json.removeValue(at: key) }
            }
        }
        if let failure { throw failure }
    }

    static func shouldDrop(_ cell: Cell, options: CleanOptions) -> Bool {
        if options.dropEmptyCells && !cell.source.contains(where: { !$0.isWhitespace }) { return true }
        return !options.dropTaggedCells.isEmpty && cell.tags.contains(where: options.dropTaggedCells.contains)
    }

    static func cleanCell(_ cell: inout Cell, keepOutput: Bool, options: CleanOptions) {
        if case .array(var outputs)? = cell.json["outputs"] {
            cell.json["outputs"] = .null  // leaves `outputs` the only owner, so edits do not copy
            // As nbstripout: with keep-output types, even cells that keep outputs are filtered.
            if !keepOutput || !options.keepOutputTypes.isEmpty {
                outputs.removeAll { output in
                    guard case .object(let object) = output else { return false }
                    return OutputPolicy.size(of: output, exceeds: options.maxSize)
                        && !options.keepOutputTypes.contains { OutputPolicy.matches(object, type: $0) }
                }
            }
            if !options.keepCount {
                for i in outputs.indices {
                    guard case .object(var output) = outputs[i], output["execution_count"] != nil,
                        output["execution_count"] != .null
                    else { continue }
                    outputs[i] = .null
                    output["execution_count"] = .null
                    outputs[i] = .object(output)
                }
            }
            if !options.dropOutputTypes.isEmpty {
                outputs.removeAll { output in
                    guard case .object(let object) = output else { return false }
                    return options.dropOutputTypes.contains { OutputPolicy.matches(object, type: $0) }
                }
            }
            cell.json["outputs"] = .array(outputs)
        }
        if !options.keepCount {
            for key in ["execution_count", "prompt_number"] where cell.json.contains(key) {
                cell.json[key] = .null
            }
        }
    }
}

extension String {
    func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
