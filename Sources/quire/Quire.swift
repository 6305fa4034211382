import ArgumentParser

struct Quire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Jupyter notebooks for teams that share them in git.",
        discussion: """
            Exit codes: 0 success; 1 the command found something (a dirty file, a difference, an \
            invalid notebook); 64 usage error; 65 bad input data; 66 missing input file; 70 internal error.
            """,
        version: "0.1.0",
        subcommands: [
            Normalize.self, Validate.self, Clean.self, Git.self, Diff.self, Merge.self, Conflicts.self, Resolve.self,
            Convert.self, Pair.self, Sync.self, Export.self, Run.self, Test.self, Kernels.self, Serve.self, Runs.self,
        ]
    )
}
