import ArgumentParser
import GitIntegration

extension Quire {
    struct Git: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clean notebooks on commit and diff them without outputs, inside git.",
            discussion: """
                'quire git install' makes git pass every notebook through quire on its way into the \
                repository: outputs, execution counts and volatile metadata are left out of what is \
                committed while the notebook on disk keeps them, and 'git diff' compares cleaned \
                notebooks. One quire process serves a whole git command (git's long-running filter \
                protocol), so 'git status' stays fast with many notebooks. A notebook quire cannot \
                read is committed unchanged, with a warning. Clean settings come from quire.toml or \
                pyproject.toml, as for 'quire clean'.

                git must find 'quire' on PATH; the configuration names no absolute path, so it can be \
                shared between machines.

                Examples:
                  quire git install                  # this repository
                  quire git install --global         # every repository of this user
                  quire git install --attributes .gitattributes
                                                     # attribute lines the team commits
                  quire git status                   # exit 1 unless fully set up
                  quire git uninstall                # undo exactly what install changed
                """,
            subcommands: [
                Install.self, Uninstall.self, Status.self,
                FilterProcess.self, CleanFilter.self, SmudgeFilter.self, Textconv.self,
                DiffDriver.self, MergeDriver.self,
            ]
        )

        /// Prints a setup error the way every quire command does and gives its exit code.
        static func failure(_ error: GitError) -> ExitCode {
            Console.error("quire: " + error.description)
            return ExitCode(error.exitCode)
        }

        static func print(_ report: GitInstaller.Report) {
            for change in report.changes { Console.output(change) }
            for warning in report.warnings { Console.error("quire: warning: " + warning) }
        }
    }
}
