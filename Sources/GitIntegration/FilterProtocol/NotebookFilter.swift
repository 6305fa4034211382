import NotebookFormat

/// What git's clean filter does to one file, shared by the long-running process, the per-file
/// filter and textconv: notebooks are cleaned; anything the cleaner cannot read goes through
/// unchanged with a warning, so a commit is never blocked or corrupted.
public struct NotebookFilter: Sendable {
    /// The bytes to hand back to git, and a warning for stderr when the file was passed through.
    public struct Result: Sendable, Equatable {
        public var output: [UInt8]
        public var warning: String?
    }

    public var options: CleanOptions

    public init(options: CleanOptions) {
        self.options = options
    }

    /// Cleans a file on its way into the repository. Files that are not `.ipynb` pass through.
    public func clean(_ content: [UInt8], path: String) -> Result {
        guard Self.isNotebookPath(path) else { return Result(output: content, warning: nil) }
        return cleanAnyFile(content, path: path, unchangedWhat: "committed unchanged")
    }

    /// Cleans whatever git hands textconv (its temporary files need not end in `.ipynb`).
    public func textconv(_ content: [UInt8], path: String) -> Result {
        cleanAnyFile(content, path: path, unchangedWhat: "shown unchanged")
    }

    private func cleanAnyFile(_ content: [UInt8], path: String, unchangedWhat: String) -> Result {
        do throws(NotebookError) {
            return Result(output: try NotebookCleaner.clean(content, options: options), warning: nil)
        } catch {
            let warning = "quire: warning: \(error.inFile(path).description); \(unchangedWhat)"
            return Result(output: content, warning: warning)
        }
    }

    /// True for `.ipynb` paths (any letter case).
    public static func isNotebookPath(_ path: String) -> Bool {
        path.utf8.count >= 6 && path.lowercased().hasSuffix(".ipynb")
    }
}
