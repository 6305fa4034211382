import NotebookFormat
import NotebookText
import Testing

/// Less common script shapes: shebang and coding lines, other marker spellings, cell languages,
/// inactive cells, Windows line breaks.
@Suite("PercentReader more")
struct PercentReaderMoreTests {
    static func read(_ text: String, _ ext: String = "py") throws -> Notebook {
        try PercentReader.notebook(from: text, fileExtension: ext)
    }

    @Test func shebangAndCodingLines() throws {
        let notebook = try Self.read("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# %%\n1\n")
        let jupytext = notebook.metadata["jupytext"]?.objectValue
        #expect(jupytext?["executable"] == .string("/usr/bin/env python"))
        #expect(jupytext?["encoding"] == .string("# -*- coding: utf-8 -*-"))
        #expect(notebook.cells.map(\.source) == ["1"])
    }

    @Test func otherMarkerSpellings() throws {
        let cells = try Self.read("#%%\na = 1\n\n# In[ ]:\nb = 2\n\n# <codecell>\nc = 3\n").cells
        #expect(cells.map(\.source) == ["a = 1", "b = 2", "c = 3"])
        #expect(cells.allSatisfy { $0.isCode })
    }

    @Test func cellLanguagesBecomeCellMagics() throws {
        let text = "# %% language=\"R\"\n# library(ggplot2)\n\n# %% magic_args=\"-s x\" language=\"bash\"\n# echo $1\n"
        let cells = try Self.read(text).cells
        #expect(cells.map(\.source) == ["%%R\nlibrary(ggplot2)", "%%bash -s x\necho $1"])
        #expect(cells.allSatisfy { $0.metadata.isEmpty })
    }

    @Test func inactiveCells() throws {
        let cells = try Self.read("# %% active=\"py\"\nprint('script only')\n\n# %% [raw] active=\"ipynb\"\n# raw\n").cells
        #expect(cells[0].cellType == "raw" && cells[0].source == "print('script only')")
        #expect(cells[0].metadata["active"] == .string("py"))
        #expect(cells[1].cellType == "raw" && cells[1].source == "raw")
    }

    @Test func windowsLineBreaks() throws {
        let cells = try Self.read("# %% [markdown]\r\n# Title\r\n\r\n# %%\r\nx = 1\r\n").cells
        #expect(cells.map(\.source) == ["Title", "x = 1"])
    }

    @Test func markdownThatLooksLikeAMarker() throws {
        let cells = try Self.read("# %% [markdown]\n# # %% in md\n# # cat and dog\n").cells
        #expect(cells.count == 1 && cells[0].source == "# %% in md\n# cat and dog")
    }

    @Test func otherCommentSyntaxes() throws {
        let scala = try Self.read("// %% [markdown]\n// Text\n\n// %%\nval x = 1\n", ".scala")
        #expect(scala.cells.map(\.source) == ["Text", "val x = 1"])
        let matlab = try Self.read("% %% [markdown]\n% Text\n\n% %%\nx = 1;\n", "m")
        #expect(matlab.cells.map(\.source) == ["Text", "x = 1;"])
    }

    @Test func emptyScriptAndEmptyCells() throws {
        #expect(try Self.read("").cells.isEmpty)
        let cells = try Self.read("# %%\n\n# %% [markdown]\n#\n\n# %%\n").cells
        #expect(cells.map(\.source) == ["", "", ""])
        #expect(cells.map(\.cellType) == ["code", "markdown", "code"])
    }
}
