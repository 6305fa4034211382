import ArgumentParser
import NotebookFormat
import NotebookText

extension Quire {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring paired notebooks and percent scripts into step, never dropping an edit.",
            discussion: """
                For each notebook paired with a percent script (metadata.jupytext.formats, as \
                `quire pair` and jupytext write it, or `formats` in quire.toml [pair], \
                [tool.quire.pair], jupytext.toml or [tool.jupytext]), quire compares both files \
                with their content at the last sync, which it keeps in .quire/sync/ at the root \
                of the git work tree (a folder git ignores):
                  only the script changed    the notebook takes its cells; outputs, ids and \
                metadata stay with the cells that still match
                  only the notebook changed  the script is written again from it
                  both changed               a three-way merge, cell by cell; when the same lines \
                changed on both sides nothing is written and the conflicting cells are listed
                  one file is missing        it is made from the other
                Without a record of the last sync (a fresh clone), the committed version of the \
                pair (git HEAD) serves as the common ancestor. Files are written atomically, \
                the notebook first, and only when their content changes.

                PATH is a notebook, a paired script or a folder (its notebooks, recursively, \
                skipping hidden folders); the default is the current folder.

                Exit status: 0 in step (or brought into step); 1 with --check, a pair is out of \
                step, or a pair could not be synced (conflict, or no record to tell which side \
                changed); 64 usage error; 65 a file is not a valid notebook or script; 66 a \
                named file does not exist; 74 a file cannot be written.

                Examples:
                  quire sync                            # every paired notebook below here
                  quire sync analysis.ipynb             # or analysis.py: the same pair
                  quire sync --check                    # CI and pre-commit: exit 1 when out of step
                  quire sync --use notebook nb.ipynb    # after a conflict: keep the notebook's side
                """
        )

        @Argument(help: "Notebooks, paired scripts or folders (default: the current folder).")
        var paths: [String] = []

        @Flag(help: "Write nothing; exit 1 when a pair is out of step, naming the side that changed.")
        var check = false

        @Option(help: "Make the pair from one side, replacing the other: notebook or script.")
        var use: Side?

        @Flag(name: [.short, .long], help: "Print only errors.")
        var quiet = false

        enum Side: String, ExpressibleByArgument {
            case notebook, script
        }

        func validate() throws {
            if check && use != nil { throw ValidationError("--check writes nothing, so it takes no --use") }
        }

        func run() throws {
            try Self.run(paths: paths, check: check, use: use, quiet: quiet)
        }

        /// The command itself, also reached from `FastCommandLine`.
        static func run(paths: [String], check: Bool, use: Side?, quiet: Bool) throws {
            var report = SyncReport(check: check, quiet: quiet)
            var finder = PairFinder()
            for path in paths.isEmpty ? ["."] : paths {
                for pair in finder.pairs(for: path, report: &report) {
                    sync(pair, use: use, report: &report)
                }
            }
            try report.finish()
        }

        /// Syncs one pair and reports what happened.
        static func sync(_ pair: PairFinder.Pair, use: Side?, report: inout SyncReport) {
            let syncer = PairSync(notebookPath: pair.notebook.display, scriptPath: pair.script.display, script: pair.language)
            let state = SyncState(root: pair.root)
            do {
                let notebook = try pair.loadNotebook(syncer)
                let script = try pair.loadScript()
                let outcome: PairSync.Outcome
                if let use, let notebook, let script {
                    outcome = try syncer.taking(use == .notebook ? .notebook : .script, notebook: notebook, script: script)
                } else {
                    let record = state.record(ofScript: pair.script.absolute)
                    let base = record?.text ?? pair.committedBase(syncer)
                    // Trusted only from file systems with sub-second times, where an edit that
                    // keeps both the size and the time is not a practical risk.
                    let stamp = record?.notebookStamp
                    let unchanged = stamp != nil && stamp?.nanoseconds != 0 && stamp == FileIO.stamp(pair.notebook.absolute)
                    switch try syncer.sync(notebook: notebook, script: script, base: base, notebookMatchesBase: unchanged) {
                    case .success(let result): outcome = result
                    case .failure(let refusal): return report.refused(pair, refusal)
                    }
                }
                if report.check { return report.checked(pair, outcome.change) }
                if let bytes = outcome.notebook {
                    try FileIO.createDirectories(PathNames.directory(of: pair.notebook.absolute))
                    try FileIO.writeAtomically(bytes, to: pair.notebook.absolute)
                }
                if let text = outcome.script {
                    try FileIO.createDirectories(PathNames.directory(of: pair.script.absolute))
                    try FileIO.writeAtomically(Array(text.utf8), to: pair.script.absolute)
                }
                let stamp = FileIO.stamp(pair.notebook.absolute)
                try state.save(SyncState.Record(text: outcome.text, notebookStamp: stamp), ofScript: pair.script.absolute)
                report.synced(pair, outcome)
            } catch {
                report.failed(error)
            }
        }
    }
}
