import ArgumentParser
import NotebookDiff
import NotebookFormat

extension Quire {
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the merge conflicts left in notebooks.",
            discussion: """
                Lists what `quire merge` and `quire resolve` marked: the entries under \
                metadata.quire.conflicts (of the notebook and of each cell) and git-style markers \
                in cell sources, one per line as 'cell 7 (id abc123): both sides edited the \
                source' (cells count from 1). A conflict about a cell's text is resolved once its \
                markers are gone from the source; one about metadata, once its entry is removed. \
                A file that git's own line merge left with markers is reported too (repair it \
                with `quire resolve`).

                Exit status: 0 no conflicts; 1 conflicts remain; 65 a file is not a notebook; 66 a \
                file does not exist.

                Examples:
                  quire conflicts merged.ipynb
                  quire conflicts notebooks/*.ipynb
                """
        )

        @Argument(help: "Notebook files.")
        var files: [String]

        func run() throws {
            var found = false
            var failure: Int32?
            for file in files {
                let prefix = files.count > 1 ? file + ": " : ""
                do throws(NotebookError) {
                    let notebook = try NotebookReader.read(try FileIO.read(file))
                    let conflicts = ConflictScan.conflicts(in: notebook)
                    for conflict in conflicts { Console.output(prefix + conflict.description) }
                    found = found || !conflicts.isEmpty
                } catch where error.kind == .conflictMarkers {
                    Console.output(error.inFile(file).description)
                    found = true
                } catch {
                    Console.error("quire: " + error.inFile(file).description)
                    failure = failure ?? error.exitCode
                }
            }
            if let failure { throw ExitCode(failure) }
            if found { throw ExitCode(1) }
        }
    }
}
