import ArgumentParser
import GitIntegration
import NotebookFormat

extension Quire.Git {
    /// `diff.quire.textconv`: git diffs what this prints, the cleaned notebook.
    struct Textconv: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a notebook cleaned, for git diff (run by git, not by hand).",
            shouldDisplay: false
        )

        @Argument(help: "The file git wants to diff.")
        var file: String

        func run() throws {
            try Self.show(file: file)
        }

        static func show(file: String) throws {
            try Quire.Git.filter { () throws(NotebookError) in
                NotebookFilter(options: CleanConfiguration.forGitFilter()).textconv(try FileIO.read(file), path: file)
            }
        }
    }
}
