/// Strips outputs, execution counts and volatile metadata, as nbstripout does.
public enum NotebookCleaner {
    /// Cleans notebook bytes and returns the canonical bytes of the result. The notebook keeps
    /// its nbformat version; clean canonical input comes back byte for byte.
    public static func clean(_ input: [UInt8], options: CleanOptions) throws(NotebookError) -> [UInt8] {
        var notebook = try NotebookReader.read(input)
        try clean(&notebook, options: options)
        return NotebookWriter.bytes(notebook)
    }

    public static func clean(_ notebook: inout Notebook, options: CleanOptions) throws(NotebookError) {
        // Implemented in the next commit.
    }
}
