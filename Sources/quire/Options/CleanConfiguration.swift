import NotebookFormat

/// Clean settings from `quire.toml` / `pyproject.toml` (searched upward from the working
/// directory), with command-line flags on top.
enum CleanConfiguration {
    /// The options the git filter uses: configuration files only, no flags.
    static func forGitFilter() -> CleanOptions {
        CleanOptions()  // configuration files are read in the next commit
    }
}
