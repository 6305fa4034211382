import NotebookFormat
import Testing

@testable import NotebookText

@Suite("PercentWriter languages")
struct PercentWriterLanguageTests {
    private func metadata(_ json: String) throws -> JSONObject {
        let notebook = try NotebookReader.read(Array("{\"cells\": [], \"metadata\": \(json), \"nbformat\": 4, \"nbformat_minor\": 5}".utf8))
        return notebook.metadata
    }

    @Test func extensionsAndComments() {
        #expect(ScriptLanguages.forExtension(".py")?.comment == "#")
        #expect(ScriptLanguages.forExtension("scala")?.comment == "//")
        #expect(ScriptLanguages.forExtension(".m")?.name == "matlab")
        #expect(ScriptLanguages.forLanguage("Octave")?.fileExtension == ".m")
        #expect(ScriptLanguages.forLanguage("C++17")?.fileExtension == ".cpp")
        #expect(ScriptLanguages.forLanguage("r")?.fileExtension == ".R")
        #expect(ScriptLanguages.forExtension(".xyz") == nil)
    }

    @Test func languageFromMetadata() throws {
        let r = try metadata(#"{"kernelspec": {"language": "R", "name": "ir"}}"#)
        #expect(ScriptLanguages.defaultLanguage(metadata: r, fileExtension: ".py") == "R")
        #expect(try ScriptLanguages.scriptLanguage(of: r).fileExtension == ".R")
        let info = try metadata(#"{"language_info": {"file_extension": ".scala"}}"#)
        #expect(try ScriptLanguages.scriptLanguage(of: info).comment == "//")
        let cpp = try metadata(#"{"kernelspec": {"language": "C++17"}}"#)
        #expect(ScriptLanguages.defaultLanguage(metadata: cpp, fileExtension: nil) == "c++")
        let none = try metadata("{}")
        #expect(try ScriptLanguages.scriptLanguage(of: none).name == "python")
        #expect(ScriptLanguages.defaultLanguage(metadata: none, fileExtension: ".jl") == "julia")
    }

    @Test func blockCommentLanguagesAreRefused() throws {
        let ocaml = try metadata(#"{"kernelspec": {"language": "ocaml"}}"#)
        #expect(throws: LanguageError(.noLineComment, language: "ocaml")) {
            try ScriptLanguages.scriptLanguage(of: ocaml)
        }
        let unknown = try metadata(#"{"language_info": {"file_extension": ".xyz"}}"#)
        #expect(throws: LanguageError(.unknownLanguage, language: ".xyz")) {
            try ScriptLanguages.scriptLanguage(of: unknown)
        }
    }
}
