import ArgumentParser
import GitIntegration
import NotebookFormat

extension Quire.Git {
    /// The per-file clean filter for git older than 2.11 (`filter.quire.clean`): same output
    /// and same passthrough rule as the long-running filter.
    struct CleanFilter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clean-filter",
            abstract: "Clean one notebook from stdin to stdout for git (run by git, not by hand).",
            shouldDisplay: false
        )

        @Argument(help: "The file's path in the repository (git's %f); files not ending in .ipynb pass through.")
        var path: String

        func run() throws {
            try Self.clean(path: path)
        }

        static func clean(path: String) throws {
            do throws(NotebookError) {
                let input = try FileIO.readStandardInput()
                let result = NotebookFilter(options: CleanConfiguration.forGitFilter()).clean(input, path: path)
                if let warning = result.warning { Console.error(warning) }
                try FileIO.writeStandardOutput(result.output)
            } catch {
                Console.error("quire: " + error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }
}
