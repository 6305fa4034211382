import ArgumentParser
import NotebookFormat

extension Quire.Git {
    /// The per-file smudge filter for git older than 2.11 (`filter.quire.smudge`): the
    /// identity, needed because `filter.quire.required` makes a missing smudge an error.
    struct SmudgeFilter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "smudge-filter",
            abstract: "Copy stdin to stdout for git's checkout (run by git, not by hand).",
            shouldDisplay: false
        )

        @Argument(help: "The file's path in the repository (git's %f); unused.")
        var path: String?

        func run() throws {
            try Self.copy()
        }

        static func copy() throws {
            do throws(NotebookError) {
                try FileIO.writeStandardOutput(try FileIO.readStandardInput())
            } catch {
                Console.error("quire: " + error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }
}
