/// Writes a notebook exactly as `nbformat.write` does for its major version: one-space indent,
/// sorted keys, multi-line text split with Python's `splitlines`, a final newline. v4 writes
/// raw UTF-8; v2 and v3 escape non-ASCII characters, as their writers always did.
public enum NotebookWriter {
    public static func bytes(_ notebook: Notebook) -> [UInt8] {
        var copy = notebook
        LineJoining.split(&copy)
        Transients.strip(&copy)
        var out = JSONWriter(ensureASCII: notebook.major < 4).bytes(.object(copy.json))
        out.append(0x0A)
        return out
    }
}
