import ArgumentParser
import NotebookFormat

extension Quire {
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite notebooks in the exact bytes nbformat writes.",
            discussion: """
                Reads each notebook as nbformat.read(..., as_version=4) does (v2 and v3 files are \
                upgraded to v4.5) and writes it back as nbformat.write would: one-space indent, sorted \
                keys, raw UTF-8, multi-line text as lists of lines, a final newline. Files are replaced \
                atomically and only when their bytes change. Cells that need an id get a deterministic \
                one, never a random one.

                Examples:
                  quire normalize analysis.ipynb
                  quire normalize --check notebooks/*.ipynb
                  cat nb.ipynb | quire normalize - > canonical.ipynb
                """
        )

        @Flag(help: "Write nothing; list files that would change and exit 1 if any would.")
        var check = false

        @Argument(help: "Notebook files, or '-' for stdin to stdout.")
        var files: [String]

        func run() throws {
            try Self.run(files: files, check: check)
        }

        static func run(files: [String], check: Bool) throws {
            var batch = FileBatch(check: check, checkMessage: "would be normalized")
            try batch.run(files) { (input) throws(NotebookError) in
                let notebook = try NotebookReader.read(input).upgradedToV4()
                let output = NotebookWriter.bytes(notebook)
                return output == input ? .unchanged : .changed(output)
            }
        }
    }
}
