import ArgumentParser
import NotebookFormat
import NotebookText

#if canImport(Glibc)
import Glibc
#endif

extension Quire {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a notebook to a percent script (jupytext's py:percent) and back.",
            discussion: """
                Writes the notebook as the script `jupytext --to py:percent` writes, byte for byte, \
                except that the header has no jupytext_version line (it names another tool's version \
                and churns). Markdown and raw cells become comments, magics and shell escapes are \
                commented out (# %matplotlib inline), outputs are left out.

                --to ipynb reads a percent script back into a notebook (nbformat 4.5, no outputs, \
                as jupytext --to ipynb); the script's extension gives its comment syntax (.py for \
                stdin). When the notebook exists it is replaced, or with --update keeps its outputs, \
                ids and metadata for the cells that still match (jupytext's --update).

                FORMAT is py:percent (a .py script with # comments, whatever the kernel), \
                EXT:percent for another script extension (R:percent, jl:percent, scala:percent...), \
                or percent (auto:percent) for the notebook's own language. A kernel language with \
                only block comments (OCaml, SAS, Maxima) has no percent script: exit 65.

                The output goes next to the input with the new extension (nb.ipynb -> nb.py), or to \
                -o OUT; '-' reads stdin or writes stdout. It is written atomically and never over \
                the input. jupytext's pairing (metadata.jupytext.formats) stays in the header only \
                when the output is one of the paired files, as with jupytext.

                Exit status: 0 written; 64 usage error; 65 the input is not a valid notebook or script \
                (the error names the line), or its language has no line comment; 66 the input does not exist; 74 the output cannot be written.

                Examples:
                  quire convert analysis.ipynb --to py:percent
                  quire convert analysis.ipynb --to py:percent -o scripts/analysis.py
                  quire convert model.ipynb --to percent          (model.R for an R kernel)
                  cat nb.ipynb | quire convert - --to py:percent > nb.py
                  quire convert analysis.py --to ipynb --update
                """
        )

        @Argument(help: "The notebook (or, with --to ipynb, the script) to convert, or '-' for stdin.")
        var file: String

        @Option(help: "The output format: py:percent, EXT:percent, percent, or ipynb.")
        var to: String

        @Option(name: [.short, .customLong("output")], help: "The output file, or '-' for stdout.")
        var output: String?

        /// What `--to` names.
        enum Target {
            /// A percent script; nil: the notebook's own language.
            case percent(ScriptLanguage?)
            /// A notebook read from a percent script.
            case ipynb
        }

        @Flag(help: "With --to ipynb: when the notebook exists, keep its outputs, ids and metadata for the cells that still match.")
        var update = false

        func validate() throws {
            if case .percent = try Self.target(to), update {
                throw ValidationError("--update is for --to ipynb (a script never keeps outputs)")
            }
        }

        func run() throws {
            try ConversionJob(file: file, to: to, output: output, update: update).run()
        }

        static func target(_ to: String) throws -> Target {
            if to == "ipynb" || to == "notebook" { return .ipynb }
            let parts = to.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 ? parts[1] == "percent" : parts[0] == "percent" else {
                throw ValidationError("unsupported format '\(to)': quire converts to ipynb and to percent scripts (py:percent, EXT:percent, percent)")
            }
            if parts[0] == "percent" || parts[0] == "auto" { return .percent(nil) }
            guard let language = ScriptLanguages.forExtension(parts[0]) else {
                throw ValidationError("unknown script extension '\(parts[0])' in --to \(to) (py, R, jl, sh, scala, rs, cpp...)")
            }
            guard language.hasLineComment else {
                throw ValidationError("'.\(parts[0])' scripts have no line comment, so no percent format")
            }
            return .percent(language)
        }

        /// `.py` for `dir/nb.py`; `.py` when the name has no extension.
        static func fileExtension(of path: String) -> String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return ".py" }
            return String(name[dot...])
        }

        /// `dir/nb.ipynb` -> `dir/nb.py`.
        static func replacingExtension(of path: String, with ext: String) -> String {
            let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
            let name = path[slash...]
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + ext }
            return String(path[..<dot]) + ext
        }

        /// Exit 64 when `output` is the input file itself (same device and inode).
        static func refuseOverwriting(input: String, with output: String) throws {
            guard input != "-", output != "-" else { return }
            var a = stat(), b = stat()
            guard stat(input, &a) == 0, stat(output, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino else { return }
            Console.error("quire: \(output): the output would overwrite the input notebook; choose another name with -o")
            throw ExitCode(64)
        }

        static func write(_ bytes: [UInt8], to path: String) throws(NotebookError) {
            if path == "-" {
                try FileIO.writeStandardOutput(bytes)
            } else {
                try FileIO.writeAtomically(bytes, to: path)
            }
        }
    }
}
