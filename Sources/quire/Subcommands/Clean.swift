import ArgumentParser
import NotebookFormat

extension Quire {
    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Strip outputs, execution counts and volatile metadata from notebooks.",
            discussion: """
                By default strips what nbstripout strips: outputs, execution counts, metadata.signature, \
                metadata.widgets and the cell metadata keys collapsed, ExecuteTime, execution, \
                heading_collapsed, hidden and scrolled. Unlike nbstripout, cell ids are kept as they are. \
                The nbformat version never changes; a clean, canonical notebook is left byte for byte.

                A cell keeps its outputs when tagged keep_output or given "keep_output": true in its \
                metadata (or "init_cell": true, unless --strip-init-cells).

                Settings can also come from quire.toml ([clean] table) or pyproject.toml \
                ([tool.quire.clean]), found upward from the working directory; flags win. Keys: \
                keep-output, keep-count, extra-keys, keep-metadata-keys, drop-empty-cells, \
                drop-tagged-cells, strip-init-cells, keep-output-type, drop-output-type, max-size.

                Examples:
                  quire clean analysis.ipynb
                  quire clean --check notebooks/*.ipynb        # CI / pre-commit: exit 1 if dirty
                  quire clean --keep-output --extra-keys metadata.kernelspec nb.ipynb
                  quire clean --max-size 1k --drop-output-type stream:stderr nb.ipynb
                  quire clean - < nb.ipynb > clean.ipynb
                """
        )

        @OptionGroup var settings: CleanFlags

        @Flag(help: "Write nothing; list files that would change and exit 1 if any would.")
        var check = false

        @Argument(help: "Notebook files, or '-' for stdin to stdout.")
        var files: [String]

        func run() throws {
            try Self.run(files: files, check: check, options: try settings.resolve())
        }

        static func run(files: [String], check: Bool, options: CleanOptions) throws {
            var batch = FileBatch(check: check, checkMessage: "would be cleaned")
            try batch.run(files) { (input) throws(NotebookError) in
                let output = try NotebookCleaner.clean(input, options: options)
                return output == input ? .unchanged : .changed(output)
            }
        }
    }
}
