import NotebookFormat

/// Diagnostics go to stderr; results to stdout.
enum Console {
    static func error(_ message: String) {
        _ = FileIO.writeAll(Array((message + "\n").utf8), to: 2)
    }

    static func output(_ message: String) {
        _ = FileIO.writeAll(Array((message + "\n").utf8), to: 1)
    }
}
