import ArgumentParser
import NotebookFormat
import NotebookText

extension ConversionJob {
    /// `--to ipynb`: a percent script back into a notebook (`PercentReader`), without outputs, or
    /// with those of the existing notebook under `--update`.
    func runToNotebook() throws {
        let name = file == "-" ? "<stdin>" : file
        let ext = file == "-" ? ".py" : Quire.Convert.fileExtension(of: file)
        let path = output ?? (file == "-" ? "-" : Quire.Convert.replacingExtension(of: file, with: ".ipynb"))
        do {
            try Quire.Convert.refuseOverwriting(input: file, with: path)
            let bytes = try file == "-" ? FileIO.readStandardInput() : FileIO.read(file)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw NotebookError(.notANotebook, "the script is not UTF-8 text", file: name)
            }
            var notebook: Notebook
            do { notebook = try PercentReader.notebook(from: text, fileExtension: ext) } catch let error as PercentReaderError {
                throw error.inFile(name)
            }
            if path != "-", FileIO.exists(path) {
                if update {
                    let existing = try NotebookReader.read(FileIO.read(path))
                    notebook = NotebookUpdate.updating(existing, from: notebook)
                } else {
                    Console.error("quire: \(path) replaced; its outputs are not kept (use --update to keep them)")
                }
            }
            try Quire.Convert.write(NotebookWriter.bytes(notebook), to: path)
        } catch let error as NotebookError {
            Console.error("quire: \(error)")
            throw ExitCode(error.exitCode)
        } catch let error as PercentReaderError {
            Console.error("quire: \(error)")
            throw ExitCode(error.exitCode)
        } catch let error as LanguageError {
            Console.error("quire: \(name): \(error)")
            throw ExitCode(65)
        }
    }
}
