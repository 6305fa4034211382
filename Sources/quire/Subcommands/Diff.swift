import ArgumentParser
import NotebookDiff
import NotebookFormat

extension Quire {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the differences between two notebooks, cell by cell.",
            discussion: """
                Cells are paired by id, then by equal content, then by similar source, so inserted, \
                deleted and moved cells show as such. Each changed cell gets a '## cell N' line (N \
                counts from 1, in the new notebook; in the old one for deleted cells), a unified diff \
                of its source, its outputs summarised (text diffed; images by type and size) and its \
                metadata changes. With one FILE, the working copy is compared with the version in \
                git's HEAD; where 'quire git install' set up the clean filter, the working copy is \
                cleaned first, as git would commit it. /dev/null stands for an empty notebook. Older \
                nbformat versions are upgraded to 4 before comparing.

                --json prints the diff in nbdime's format (a list of add, remove, replace, patch, \
                addrange and removerange operations on the first notebook), for tools built for nbdime.

                Exit codes: 0 no differences; 1 the notebooks differ; 64 usage error; 65 a file is \
                not a notebook; 66 a file (or its HEAD version) is missing.

                Examples:
                  quire diff before.ipynb after.ipynb
                  quire diff analysis.ipynb                  # against git's HEAD
                  quire diff --sources-only a.ipynb b.ipynb  # code and text only
                  quire diff --ignore-outputs --ignore-details a.ipynb b.ipynb
                  quire diff --json a.ipynb b.ipynb > changes.json
                  git show main:nb.ipynb | quire diff - nb.ipynb
                """
        )

        @Argument(help: ArgumentHelp("Two notebooks (one may be '-' for stdin), or one tracked notebook to compare with HEAD.", valueName: "file"))
        var files: [String]

        @Flag(help: "Print the diff as nbdime JSON.")
        var json = false

        @OptionGroup var ignore: DiffFlags

        @Option(help: ArgumentHelp("Colour: auto (on a terminal without NO_COLOR), always or never.", valueName: "when"))
        var color: ColorChoice = .auto

        @Option(name: [.customShort("U"), .long], help: "Lines of context around each change.")
        var context = 3

        @Flag(help: "With one FILE: compare the working copy as it is on disk, not as git's quire clean filter commits it.")
        var noFilter = false

        func validate() throws {
            guard (1...2).contains(files.count) else {
                throw ValidationError("give two notebooks (A B) or one tracked notebook (FILE)")
            }
            if files.count == 1 && files[0] == "-" {
                throw ValidationError("'-' (stdin) needs a second notebook to compare with")
            }
            if files.count == 1 && files[0] == DiffInput.nullDevice {
                throw ValidationError("/dev/null needs a second notebook to compare with")
            }
            if noFilter && files.count == 2 {
                throw ValidationError("--no-filter only applies to one FILE compared with git's HEAD")
            }
            if files.count == 2 && files[0] == "-" && files[1] == "-" {
                throw ValidationError("only one side can be '-' (stdin)")
            }
            if context < 0 { throw ValidationError("--context must be 0 or more") }
        }

        func run() throws {
            let old: DiffInput, new: DiffInput
            let pool = StringPool()
            do throws(NotebookError) {
                if files.count == 1 {
                    (old, new) = try DiffInput.againstHEAD(files[0], applyFilter: !noFilter, pool: pool)
                } else {
                    (old, new) = try DiffInput.loadPair(files[0], files[1], pool: pool)
                }
            } catch {
                Console.error("quire: " + error.description)
                throw ExitCode(error.exitCode)
            }
            let diff = NotebookDiff(old: old.notebook, new: new.notebook, options: ignore.options)
            // Show the versions of the files, not those of an upgrade made to compare them.
            var shown = diff
            if diff.options.details && (old.version != new.version || diff.nbformat != nil || diff.nbformatMinor != nil) {
                shown.nbformat = .between(old.version.major, new.version.major)
                shown.nbformatMinor = shown.nbformat == nil ? .between(old.version.minor, new.version.minor) : nil
            }
            if json {
                Console.output(diff.nbdimeJSON())
            } else {
                let renderer = DiffRenderer(color: color.isOn(forDescriptor: 1), context: context)
                let text = renderer.render(shown, oldName: old.label, newName: new.label, notes: old.notes + new.notes)
                if !text.isEmpty, !FileIO.writeAll(Array(text.utf8), to: 1) { throw ExitCode(74) }
            }
            if !diff.isEmpty || !shown.isEmpty { throw ExitCode(1) }
        }
    }
}
