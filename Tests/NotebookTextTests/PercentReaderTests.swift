import NotebookFormat
import NotebookText
import Testing

/// Hand-written scripts read into notebooks: cell types, sources, metadata and header.
@Suite("PercentReader")
struct PercentReaderTests {
    static func read(_ text: String, _ ext: String = "py") throws -> Notebook {
        try PercentReader.notebook(from: text, fileExtension: ext)
    }

    static let header = """
        # ---
        # jupyter:
        #   jupytext:
        #     text_representation:
        #       extension: .py
        #       format_name: percent
        #       format_version: '1.3'
        #       jupytext_version: 1.19.6
        #   kernelspec:
        #     display_name: Python 3 (ipykernel)
        #     language: python
        #     name: python3
        # ---

        """

    @Test func nb1CellsAndBlankLines() throws {
        let text = Self.header + """
            # %% [markdown]
            # # Title
            #
            # Some *text*.

            # %%
            import os


            # %%
            def f(x):
                return x + 1


            # %%
            f(1)

            # %%

            # %% [raw]
            # raw text
            # %%not a magic

            # %% [markdown]
            #

            # %%
            x = 1


            y = 2


            """
        let notebook = try Self.read(text)
        let cells = notebook.cells
        #expect(cells.map(\.cellType) == ["markdown", "code", "code", "code", "code", "raw", "markdown", "code"])
        #expect(cells.map(\.source) == [
            "# Title\n\nSome *text*.", "import os", "def f(x):\n    return x + 1", "f(1)", "",
            "raw text\n%%not a magic", "", "x = 1\n\n\ny = 2",
        ])
        #expect(cells[7].metadata["lines_to_next_cell"] == .int(2))
        #expect(cells[0..<7].allSatisfy { $0.metadata.isEmpty })
        #expect(notebook.metadata["kernelspec"]?.objectValue?["name"] == .string("python3"))
        #expect(notebook.metadata["jupytext"] == nil)
        #expect(notebook.minor == 5 && notebook.major == 4)
        #expect(Set(cells.compactMap(\.id)).count == cells.count)
        #expect(cells[1].json["outputs"] == .array([]) && cells[1].json["execution_count"] == .null)
    }

    @Test func idsAreDeterministic() throws {
        let text = "# %%\nprint(1)\n\n# %%\nprint(2)\n"
        #expect(try Self.read(text).cells.map(\.id) == Self.read(text).cells.map(\.id))
    }

    @Test func magicsAndShellEscapesAreUncommented() throws {
        let text = Self.header + """
            # %%
            # %matplotlib inline
            # !pip install -q pandas
            # files = !ls *.csv
            x = 1  # a comment

            # %%
            # %%time
            import pandas as pd

            # %% language="bash"
            # echo hello

            # %%
            # print?
            # # cat and dog
            # !echo a \\
            #   b

            # %%
            s = '''
            # %% not a marker inside a string
            '''

            """
        let cells = try Self.read(text).cells
        #expect(cells.map(\.source) == [
            "%matplotlib inline\n!pip install -q pandas\nfiles = !ls *.csv\nx = 1  # a comment",
            "%%time\nimport pandas as pd",
            "%%bash\necho hello",
            "print?\n# cat and dog\n!echo a \\\n  b",
            "s = '''\n# %% not a marker inside a string\n'''",
        ])
        #expect(cells[2].metadata.isEmpty)
    }

    @Test func markerOptions() throws {
        let text = Self.header + """
            # %% tags=["parameters"]
            alpha = 0.1

            # %% [markdown] slideshow={"slide_type": "slide"} tags=["remove-cell"]
            # ## Section

            # %% My title jupyter={"source_hidden": true}
            y = 2

            # %% [raw] raw_mimetype="text/html"
            # <b>html</b>

            # %% active="ipynb"
            # z = 3

            # %% [md] {"key": 1}
            # json

            # %%% Sub part
            w = 1

            """
        let notebook = try Self.read(text)
        let cells = notebook.cells
        #expect(cells[0].metadata == JSONObject(["tags": .array([.string("parameters")])]))
        #expect(cells[1].cellType == "markdown" && cells[1].source == "## Section")
        #expect(cells[1].metadata.keys == ["slideshow", "tags"])
        #expect(cells[2].metadata["title"] == .string("My title"))
        #expect(cells[2].metadata["jupyter"] == .object(JSONObject(["source_hidden": .bool(true)])))
        #expect(cells[3].cellType == "raw" && cells[3].metadata["raw_mimetype"] == .string("text/html"))
        #expect(cells[4].cellType == "code" && cells[4].source == "z = 3" && cells[4].metadata["active"] == .string("ipynb"))
        #expect(cells[5].cellType == "markdown" && cells[5].metadata == JSONObject(["key": .int(1), "region_name": .string("md")]))
        #expect(cells[6].metadata == JSONObject(["cell_depth": .int(1), "title": .string("Sub part")]))
        #expect(notebook.metadata["jupytext"]?.objectValue?["cell_metadata_json"] == .bool(true))
    }

    @Test func bareKeysAndPythonLiterals() throws {
        let cells = try Self.read("# %% flag=True name='x' hide\n1\n\n# %% Title words key=1\n2\n").cells
        #expect(cells[0].metadata == JSONObject(["flag": .bool(true), "name": .string("x"), "hide": .null]))
        #expect(cells[0].metadata.keys == ["flag", "name", "hide"])
        #expect(cells[1].metadata == JSONObject(["key": .int(1), "title": .string("Title words")]))
    }

    @Test func codeBeforeTheFirstMarkerAndNoHeader() throws {
        let notebook = try Self.read("import sys\n\n# %%\nprint(sys.argv)\n")
        #expect(notebook.cells.map(\.source) == ["import sys", "print(sys.argv)"])
        let jupytext = notebook.metadata["jupytext"]?.objectValue
        #expect(jupytext?["main_language"] == .string("python"))
        #expect(jupytext?["notebook_metadata_filter"] == .string("-all"))
        #expect(jupytext?["cell_metadata_filter"] == .string("-all"))
    }

    @Test func languageFromTheExtension() throws {
        let notebook = try Self.read("// %% [markdown]\n// Hello\n\n// %%\nprintln!(\"x\");\n", "rs")
        #expect(notebook.cells.map(\.source) == ["Hello", "println!(\"x\");"])
        #expect(notebook.metadata["jupytext"]?.objectValue?["main_language"] == .string("rust"))
        let r = try Self.read("# %%\nx <- 1\n", ".R")
        #expect(r.metadata["jupytext"]?.objectValue?["main_language"] == .string("R"))
    }

    @Test func rootLevelHeaderBecomesARawCell() throws {
        let text = """
            # ---
            # title: My doc
            # author: Me
            # jupyter:
            #   kernelspec:
            #     display_name: Python 3
            #     language: python
            #     name: python3
            # ---

            # %%
            1

            """
        let notebook = try Self.read(text)
        #expect(notebook.cells.first?.cellType == "raw")
        #expect(notebook.cells.first?.source == "---\ntitle: My doc\nauthor: Me\n---")
        #expect(notebook.cells.count == 2)
    }

    @Test func tripleQuotedMarkdown() throws {
        let cells = try Self.read("# %% [markdown]\n\"\"\"\nSome text\n\"\"\"\n").cells
        #expect(cells[0].source == "Some text" && cells[0].metadata["cell_marker"] == .string("\"\"\""))
    }
}

/// Reading stays linear in the script's length.
@Suite("PercentReader speed")
struct PercentReaderSpeedTests {
    @Test func aLongScriptReadsQuickly() throws {
        var text = "# %% [markdown]\n# Title\n"
        for i in 0..<5_000 {
            text += "\n# %%\ndef f\(i)(x):\n    return x + \(i)\n\n\n# %% [markdown]\n# Cell \(i) text\n"
        }
        let clock = ContinuousClock()
        var notebook: Notebook?
        let elapsed = try clock.measure { notebook = try PercentReader.notebook(from: text, fileExtension: "py") }
        print("PercentReader speed: 10,001 cells, \(text.utf8.count) bytes read in \(elapsed)")
        #expect(notebook?.cells.count == 10_001)
        #expect(elapsed < .seconds(10))
    }
}
