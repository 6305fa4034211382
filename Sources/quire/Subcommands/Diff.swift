import ArgumentParser
import NotebookDiff
import NotebookFormat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                git's HEAD. Older nbformat versions are upgraded to 4 before comparing.

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

        func validate() throws {
            guard (1...2).contains(files.count) else {
                throw ValidationError("give two notebooks (A B) or one tracked notebook (FILE)")
            }
            if files.count == 1 && files[0] == "-" {
                throw ValidationError("'-' (stdin) needs a second notebook to compare with")
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
                    new = try DiffInput.load(files[0], pool: pool)
                    old = try DiffInput.loadFromHEAD(files[0], pool: pool)
                } else {
                    old = try DiffInput.load(files[0], pool: pool)
                    new = try DiffInput.load(files[1], pool: pool)
                }
            } catch {
                Console.error("quire: " + error.description)
                throw ExitCode(error.exitCode)
            }
            let diff = NotebookDiff(old: old.notebook, new: new.notebook, options: ignore.options)
            if json {
                Console.output(diff.nbdimeJSON())
            } else {
                let notes = [old, new].compactMap { side in
                    side.upgradedFrom.map { "\(side.label) is nbformat \($0), compared as nbformat 4" }
                }
                let renderer = DiffRenderer(color: color.isOn(forDescriptor: 1), context: context)
                let text = renderer.render(diff, oldName: old.label, newName: new.label, notes: notes)
                if !text.isEmpty, !FileIO.writeAll(Array(text.utf8), to: 1) { throw ExitCode(74) }
            }
            if !diff.isEmpty { throw ExitCode(1) }
        }
    }
}

/// nbdime's ignore flags, named as the issue asks.
struct DiffFlags: ParsableArguments {
    @Flag(help: "Ignore outputs.")
    var ignoreOutputs = false
    @Flag(help: "Ignore notebook, cell and output metadata.")
    var ignoreMetadata = false
    @Flag(help: "Ignore cell ids (and pair cells without them).")
    var ignoreIds = false
    @Flag(help: "Ignore cell attachments.")
    var ignoreAttachments = false
    @Flag(help: "Ignore execution counts, the nbformat version and unknown keys.")
    var ignoreDetails = false
    @Flag(help: "Compare only cell sources (and which cells exist).")
    var sourcesOnly = false

    var options: DiffOptions {
        if sourcesOnly { return .sourcesOnly }
        return DiffOptions(
            outputs: !ignoreOutputs, attachments: !ignoreAttachments, metadata: !ignoreMetadata,
            ids: !ignoreIds, details: !ignoreDetails)
    }
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Colour on for this descriptor: always; never; or auto = a terminal, NO_COLOR unset or
    /// empty, and TERM not `dumb`.
    func isOn(forDescriptor fd: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(fd) == 1
        }
    }
}
