import ArgumentParser
import NotebookFormat
import NotebookText

extension Quire {
    struct Pair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pair a notebook with a percent script, in jupytext's form.",
            discussion: """
                Records the pairing in the notebook's metadata as jupytext does \
                ("jupytext": {"formats": "ipynb,py:percent"}), keeping any other jupytext settings, \
                and writes the paired script next to the notebook when it does not exist yet. An \
                existing script is left as it is. Teams on jupytext keep working: jupytext reads \
                the same pairing. The notebook is rewritten atomically, and only when it changes.

                FORMAT is py:percent, EXT:percent (R:percent, jl:percent...) or percent for the \
                notebook's own language (the default).

                Exit status: 0 paired; 64 usage error; 65 the notebook is not valid, or its language \
                has no line comment; 66 it does not exist.

                Examples:
                  quire pair analysis.ipynb                  # analysis.py
                  quire pair model.ipynb --to R:percent      # model.R
                """
        )

        @Argument(help: "The notebook to pair.")
        var notebook: String

        @Option(help: "The script's format: percent (the notebook's language), py:percent or EXT:percent.")
        var to = "percent"

        func validate() throws {
            guard case .percent = try Convert.target(to) else {
                throw ValidationError("a notebook pairs with a percent script (py:percent, EXT:percent, percent), not with '\(to)'")
            }
        }

        func run() throws {
            guard case .percent(let chosen) = try Convert.target(to) else { return }
            do {
                let bytes = try FileIO.read(notebook)
                var paired: Notebook
                do { paired = try NotebookReader.read(bytes) } catch { throw error.inFile(notebook) }
                do { try PercentWriter.checkConvertible(paired) } catch { throw error.inFile(notebook) }
                let script = try chosen ?? ScriptLanguages.scriptLanguage(of: paired.metadata)
                var metadata = paired.metadata
                var jupytext = metadata["jupytext"]?.objectValue ?? JSONObject()
                jupytext["formats"] = .string("ipynb," + script.fileExtension.dropFirst() + ":percent")
                metadata["jupytext"] = .object(jupytext)
                paired.metadata = metadata
                let output = NotebookWriter.bytes(paired)
                if output != bytes { try FileIO.writeAtomically(output, to: notebook) }
                let scriptPath = Convert.replacingExtension(of: notebook, with: script.fileExtension)
                if FileIO.exists(scriptPath) {
                    Console.error("quire: \(scriptPath) exists and was left as it is")
                } else {
                    let options = try PercentWriterOptions(notebook: paired, script: script)
                    try FileIO.writeAtomically(Array(PercentWriter.text(of: paired, options: options).utf8), to: scriptPath)
                }
                Console.output("\(notebook) is paired with \(scriptPath)")
            } catch let error as NotebookError {
                Console.error("quire: \(error)")
                throw ExitCode(error.exitCode)
            } catch let error as LanguageError {
                Console.error("quire: \(notebook): \(error)")
                throw ExitCode(65)
            }
        }
    }
}
