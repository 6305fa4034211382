import ArgumentParser
import NotebookDiff
import NotebookFormat

extension Quire {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Repair a notebook that git's line merge left with conflict markers.",
            discussion: """
                A plain `git merge` of notebooks can leave <<<<<<<, ======= and >>>>>>> lines in \
                the JSON, which no notebook tool can open. resolve rebuilds the two versions the \
                markers combine (and the base, when git wrote it: merge.conflictStyle diff3 or \
                zdiff3), reads them and merges them again cell by cell as `quire merge` does, then \
                writes a valid notebook over FILE (or to -o OUT), atomically.

                With the base, only what truly conflicts stays marked. Without it quire cannot \
                tell an addition from a deletion, so every difference is marked as a conflict and a \
                cell found on one side only is kept with a marker line: nothing of either side is \
                lost. `git checkout --conflict=diff3 FILE` recreates the markers with the base.

                Exit status: 0 repaired with no conflicts left; 1 conflicts remain, listed on \
                stderr (the notebook is still written); 65 a side does not read as a notebook (the \
                message gives the line in FILE); 66 FILE does not exist.

                Examples:
                  quire resolve analysis.ipynb
                  git checkout --conflict=diff3 analysis.ipynb && quire resolve analysis.ipynb
                """
        )

        @Argument(help: "The notebook with git conflict markers.")
        var file: String

        @Option(name: [.short, .customLong("output")], help: "Write the repaired notebook to this file instead of over FILE.")
        var output: String?

        @OptionGroup var flags: MergeFlags

        func run() throws {
            let bytes = try MergeFlags.read(file)
            let outcome: NotebookResolve.Outcome
            do throws(MergeError) {
                outcome = try NotebookResolve.resolve(bytes, options: flags.options)
            } catch {
                Console.error("quire: " + error.naming { _ in file })
                if case .badInput = error.kind, error.underlying?.kind != .missingFile {
                    let spec = file.hasPrefix("/") || file.hasPrefix(".") ? file : "./" + file
                    Console.error("""
                        quire: while git still holds the three versions (before `git add`), merge them instead:
                          quire merge <(git show :1:\(spec)) <(git show :2:\(spec)) <(git show :3:\(spec)) -o \(file)
                        """)
                }
                throw ExitCode(error.exitCode)
            }
            let target = output ?? file
            if outcome.gitConflicts == 0 {
                Console.error("quire: \(file): no git conflict markers; nothing to repair")
                if output != nil { try MergeFlags.write(bytes, to: target) }
                return
            }
            try MergeFlags.write(outcome.result.bytes, to: target)
            if !outcome.hadBase && !outcome.result.isClean {
                Console.error("quire: the markers hold no base version, so every difference counts as a conflict; "
                    + "`git checkout --conflict=diff3 \(file)` then `quire resolve \(file)` can tell more apart")
            }
            try MergeFlags.report(outcome.result.conflicts, in: target)
        }
    }
}
