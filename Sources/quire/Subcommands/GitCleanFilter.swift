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
            try Quire.Git.filter { () throws(NotebookError) in
                NotebookFilter(options: CleanConfiguration.forGitFilter()).clean(try FileIO.readStandardInput(), path: path)
            }
        }
    }
}

extension Quire.Git {
    /// Runs one per-file filter: its warning to stderr, its bytes to stdout; a file that cannot
    /// be read or written is reported with its exit code.
    static func filter(_ run: () throws(NotebookError) -> NotebookFilter.Result) throws {
        do throws(NotebookError) {
            let result = try run()
            if let warning = result.warning { Console.error(warning) }
            try FileIO.writeStandardOutput(result.output)
        } catch {
            Console.error("quire: " + error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
