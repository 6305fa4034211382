import ArgumentParser
import NotebookFormat
import NotebookText

/// One `quire convert`, from ArgumentParser or from the fast command line.
struct ConversionJob {
    var file: String
    var to: String
    var output: String?
    var update: Bool

    func run() throws {
        guard case .percent(let chosen) = try Quire.Convert.target(to) else { return try runToNotebook() }
        let name = file == "-" ? "<stdin>" : file
        do {
            let bytes = try file == "-" ? FileIO.readStandardInput() : FileIO.read(file)
            var notebook: Notebook
            do { notebook = try NotebookReader.read(bytes) } catch { throw error.inFile(name) }
            do { try PercentWriter.checkConvertible(notebook) } catch { throw error.inFile(name) }
            let script = try chosen ?? ScriptLanguages.scriptLanguage(of: notebook.metadata)
            let options = try PercentWriterOptions(notebook: notebook, script: script)
            let path = output ?? (file == "-" ? "-" : Quire.Convert.replacingExtension(of: file, with: script.fileExtension))
            try Quire.Convert.refuseOverwriting(input: file, with: path)
            if path == "-" || !PercentWriter.isPaired(notebook, destination: path) {
                notebook = PercentWriter.withoutPairing(notebook)
            }
            try Quire.Convert.write(Array(PercentWriter.text(of: notebook, options: options).utf8), to: path)
        } catch let error as NotebookError {
            Console.error("quire: \(error)")
            throw ExitCode(error.exitCode)
        } catch let error as LanguageError {
            Console.error("quire: \(name): \(error)")
            throw ExitCode(65)
        }
    }
}
