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
            do throws(NotebookError) {
                let input = try FileIO.read(file)
                let result = NotebookFilter(options: CleanConfiguration.forGitFilter()).textconv(input, path: file)
                if let warning = result.warning { Console.error(warning) }
                try FileIO.writeStandardOutput(result.output)
            } catch {
                Console.error("quire: " + error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }
}
