import NotebookFormat
import NotebookText
import Testing

/// Bad scripts give an error with the line to look at, and exit code 65.
@Suite("PercentReader errors")
struct PercentReaderErrorTests {
    static func error(_ text: String) -> PercentReaderError? {
        do {
            _ = try PercentReader.notebook(from: text, fileExtension: "py")
            return nil
        } catch let error as PercentReaderError {
            return error
        } catch {
            return nil
        }
    }

    @Test func unknownCellType() {
        let error = Self.error("# %%\nx = 1\n\n# %% [markdwon]\n# text\n")
        #expect(error?.code == .unknownCellType)
        #expect(error?.line == 4)
        #expect(error?.exitCode == 65)
        #expect(error?.inFile("a.py").description.hasPrefix("a.py:4: unknown cell type '[markdwon]'") == true)
    }

    @Test func malformedMarker() {
        let error = Self.error("# %% tags=[\"x\"\n1\n")
        #expect(error?.code == .malformedMarker && error?.line == 1)
        #expect(Self.error("# %%\n1\n\n# %% key=value\n2\n")?.line == 4)
    }

    @Test func unclosedHeader() {
        let error = Self.error("# ---\n# jupyter:\n#   kernelspec:\n#     name: python3\n\n# %%\n1\n")
        #expect(error?.code == .malformedHeader && error?.line == 1)
    }

    @Test func badYAML() {
        let error = Self.error("# ---\n# jupyter:\n#   kernelspec:\n#     name: 'python3\n# ---\n\n# %%\n1\n")
        #expect(error?.code == .malformedHeader && error?.line == 4)
    }

    @Test func otherJupytextFormats() throws {
        let light = "# ---\n# jupyter:\n#   jupytext:\n#     text_representation:\n#       format_name: light\n# ---\n\nx = 1\n"
        #expect(Self.error(light)?.code == .unsupportedFormat)
        let hydrogen = light.split(separator: "light").joined(separator: "hydrogen") + "\n# %%\n%time x\n"
        let notebook = try PercentReader.notebook(from: hydrogen, fileExtension: "py")
        #expect(notebook.cells.last?.source == "%time x")
    }

    @Test func extensionWithoutLineComment() {
        #expect(throws: LanguageError.self) { try PercentReader.notebook(from: "1", fileExtension: "ml") }
    }

    @Test func plainCommentsAreNotHeaders() throws {
        // A "# ---" rule with no jupyter section is code, as jupytext reads it.
        let notebook = try PercentReader.notebook(from: "# ---\n# note\nx = 1\n", fileExtension: "py")
        #expect(notebook.cells.map(\.source) == ["# ---\n# note\nx = 1"])
    }
}
