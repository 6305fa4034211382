import ArgumentParser
import GitIntegration

extension Quire.Git {
    /// git runs this once per git command (`filter.quire.process`).
    struct FilterProcess: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "filter-process",
            abstract: "git's long-running clean/smudge filter (run by git, not by hand).",
            shouldDisplay: false
        )

        func run() throws {
            try Self.serve()
        }

        static func serve() throws {
            let filter = NotebookFilter(options: CleanConfiguration.forGitFilter())
            let status = FilterProcessServer.serveStandardStreams(filter: filter, warn: Console.error)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
