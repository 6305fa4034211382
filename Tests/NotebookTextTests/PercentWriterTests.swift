import NotebookFormat
import Testing

@testable import NotebookText

/// Small hand-written notebooks and the scripts jupytext 1.19.6 writes for them (`--to py:percent`,
/// without the `jupytext_version` line).
@Suite("PercentWriter")
struct PercentWriterTests {
    static let python = #""kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}"#

    static func notebook(_ cells: [String], metadata: String = python) throws -> Notebook {
        let json = #"{"cells": [\#(cells.joined(separator: ", "))], "metadata": {\#(metadata)}, "nbformat": 4, "nbformat_minor": 5}"#
        return try NotebookReader.read(Array(json.utf8))
    }

    static func code(_ source: String, metadata: String = "") -> String {
        #"{"cell_type": "code", "execution_count": null, "metadata": {\#(metadata)}, "outputs": [], "source": \#(quoted(source))}"#
    }

    static func markdown(_ source: String, metadata: String = "") -> String {
        #"{"cell_type": "markdown", "metadata": {\#(metadata)}, "source": \#(quoted(source))}"#
    }

    static func raw(_ source: String, metadata: String = "") -> String {
        #"{"cell_type": "raw", "metadata": {\#(metadata)}, "source": \#(quoted(source))}"#
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    static let header = """
        # ---
        # jupyter:
        #   jupytext:
        #     text_representation:
        #       extension: .py
        #       format_name: percent
        #       format_version: '1.3'
        #   kernelspec:
        #     display_name: Python 3 (ipykernel)
        #     language: python
        #     name: python3
        # ---

        """

    @Test func markdownCodeAndBlankLines() throws {
        let nb = try Self.notebook([
            Self.markdown("# Title\n\nSome *text*.\n\n- item"),
            Self.code("import os\nimport numpy as np"),
            Self.code("def f(x):\n    return x + 1"),
            Self.code("f(1)"),
            Self.code(""),
            Self.raw("raw text\n%%not a magic"),
            Self.markdown(""),
            Self.code("x = 1\n\n\ny = 2\n"),
        ])
        let expected = Self.header + """

            # %% [markdown]
            # # Title
            #
            # Some *text*.
            #
            # - item

            # %%
            import os
            import numpy as np


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
        #expect(try PercentWriter.text(of: nb) == expected)
    }

    @Test func magicsAndShellEscapesAreCommented() throws {
        let nb = try Self.notebook([
            Self.code("%matplotlib inline\n!pip install -q pandas\nfiles = !ls *.csv"),
            Self.code("%%time\nimport pandas as pd"),
            Self.code("%%bash\necho hello"),
            Self.code("print?\ncd ..\nls = 3\n!echo a \\\n  b"),
            Self.code("s = '''\n%matplotlib inline\n'''"),
        ])
        let expected = Self.header + """

            # %%
            # %matplotlib inline
            # !pip install -q pandas
            # files = !ls *.csv

            # %%
            # %%time
            import pandas as pd

            # %% language="bash"
            # echo hello

            # %%
            # print?
            # cd ..
            ls = 3
            # !echo a \\
            #   b

            # %%
            s = '''
            %matplotlib inline
            '''

            """
        #expect(try PercentWriter.text(of: nb) == expected)
    }

    @Test func titlesTagsAndFilteredMetadata() throws {
        let nb = try Self.notebook([
            Self.raw("---\ntitle: My doc\n---"),
            Self.code("alpha = 0.1", metadata: #""tags": ["parameters"], "collapsed": true, "ExecuteTime": {"a": 1}"#),
            Self.markdown("## Section", metadata: #""slideshow": {"slide_type": "slide"}, "tags": ["remove-cell"]"#),
            Self.code("y = 2", metadata: #""jupyter": {"source_hidden": true}, "title": "My title""#),
            Self.raw("<b>html</b>", metadata: #""raw_mimetype": "text/html""#),
            Self.code("z = 3", metadata: #""active": "ipynb""#),
            Self.code("w = 4", metadata: #""tags": [], "scrolled": false"#),
        ], metadata: Self.python + #", "author": "Me", "language_info": {"name": "python"}"#)
        let expected = """
            # ---
            # title: My doc
            # jupyter:
            #   jupytext:
            #     text_representation:
            #       extension: .py
            #       format_name: percent
            #       format_version: '1.3'
            #   kernelspec:
            #     display_name: Python 3 (ipykernel)
            #     language: python
            #     name: python3
            # ---

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

            # %%
            w = 4

            """
        #expect(try PercentWriter.text(of: nb) == expected)
    }

    @Test func noCellsAndNoMetadata() throws {
        let empty = try Self.notebook([], metadata: "")
        #expect(try PercentWriter.text(of: empty) == """
            # ---
            # jupyter:
            #   jupytext:
            #     text_representation:
            #       extension: .py
            #       format_name: percent
            #       format_version: '1.3'
            # ---

            """)
        let hidden = try Self.notebook([Self.code("print('hi')")], metadata: #""jupytext": {"notebook_metadata_filter": "-all"}"#)
        #expect(try PercentWriter.text(of: hidden) == "# %%\nprint('hi')\n")
    }

    @Test func rKernelAsAnRScript() throws {
        let nb = try Self.notebook(
            [Self.markdown("Plot — ü"), Self.code("library(ggplot2)\n%load x"), Self.code("%%python\nprint(1)")],
            metadata: #""kernelspec": {"display_name": "R", "language": "R", "name": "ir"}"#)
        let options = try PercentWriterOptions(notebook: nb, script: #require(ScriptLanguages.forExtension(".R")))
        #expect(PercentWriter.text(of: nb, options: options) == """
            # -*- coding: utf-8 -*-
            # ---
            # jupyter:
            #   jupytext:
            #     text_representation:
            #       extension: .R
            #       format_name: percent
            #       format_version: '1.3'
            #   kernelspec:
            #     display_name: R
            #     language: R
            #     name: ir
            # ---

            # %% [markdown]
            # Plot — ü

            # %%
            library(ggplot2)
            # %load x

            # %% language="python"
            # print(1)

            """)
    }

    @Test func scalaKernelAsPyAndAsScala() throws {
        let nb = try Self.notebook(
            [Self.markdown("A note"), Self.code("val x = 1\n%%magic")],
            metadata: #""kernelspec": {"display_name": "Scala", "language": "scala", "name": "scala"}"#)
        let py = try PercentWriter.text(of: nb)
        #expect(py.hasSuffix("# ---\n\n# %% [markdown]\n# A note\n\n# %%\nval x = 1\n// %%magic\n"))
        let options = try PercentWriterOptions(notebook: nb)
        #expect(options.script.fileExtension == ".scala")
        #expect(PercentWriter.text(of: nb, options: options).hasSuffix("// ---\n\n// %% [markdown]\n// A note\n\n// %%\nval x = 1\n// %%magic\n"))
    }

    @Test func goCommandsAreEscapedAndCellMagicsStillRead() throws {
        let nb = try Self.notebook(
            [Self.code("%% -args x\nfmt.Println(1)"), Self.code("%%bash\nls"), Self.code("%% args\nx")],
            metadata: #""kernelspec": {"display_name": "Go", "language": "go", "name": "gonb"}"#)
        let options = try PercentWriterOptions(notebook: nb, script: #require(ScriptLanguages.forExtension(".go")))
        let text = PercentWriter.text(of: nb, options: options)
        #expect(text.hasSuffix("// ---\n\n// %%\n//gonb:%% -args x\nfmt.Println(1)\n\n// %% language=\"bash\"\n// ls\n\n// %% magic_args=\"args\"\nx\n"))
    }

    @Test func headerQuotingEscapingAndFolding() throws {
        let long = String(repeating: "word ", count: 20) + "end"
        let nb = try Self.notebook([], metadata: #"""
            "kernelspec": {"display_name": "Pyth\u00f6n 3 \u2014 venv", "language": "python", "name": "yes"},
            "kernel_info": {"name": "\#(long)"}, "tocdepth": 2, "orphan": "it's: 1"
            """#)
        #expect(try PercentWriter.text(of: nb) == #"""
            # ---
            # jupyter:
            #   jupytext:
            #     text_representation:
            #       extension: .py
            #       format_name: percent
            #       format_version: '1.3'
            #   kernel_info:
            #     name: word word word word word word word word word word word word word word word
            #       word word word word word end
            #   kernelspec:
            #     display_name: "Pyth\xF6n 3 \u2014 venv"
            #     language: python
            #     name: 'yes'
            #   orphan: 'it''s: 1'
            #   tocdepth: 2
            # ---

            """#)
    }

    @Test func longEscapedStringsFoldInsideEscapes() throws {
        let nb = try Self.notebook([], metadata: #"""
            "kernel_info": {"name": "Внутри конвейера (TensorFlow)", "x": "ประกอบทุกอย่างเข้าด้วยกัน (PyTorch)"}
            """#)
        let expected = #"""
            #   kernel_info:
            #     name: "\u0412\u043D\u0443\u0442\u0440\u0438 \u043A\u043E\u043D\u0432\u0435\u0439\
            #       \u0435\u0440\u0430 (TensorFlow)"
            #     x: "\u0E1B\u0E23\u0E30\u0E01\u0E2D\u0E1A\u0E17\u0E38\u0E01\u0E2D\u0E22\u0E48\u0E32\
            #       \u0E07\u0E40\u0E02\u0E49\u0E32\u0E14\u0E49\u0E27\u0E22\u0E01\u0E31\u0E19 (PyTorch)"
            # ---
            """#
        #expect(try PercentWriter.text(of: nb).contains(expected))
    }

    @Test func complexKeysForEmptyMultilineAndLongKeys() throws {
        let long = String(repeating: "k", count: 130)
        let nb = try Self.notebook([], metadata: #"""
            "jupytext": {"notebook_metadata_filter": "all"}, "author": {"": 1, "a\nb": {"c": [1, 2]}, "\#(long)": ["x"]}
            """#)
        let expected = """
            #   author:
            #     ? ''
            #     : 1
            #     ? 'a
            #
            #       b'
            #     : c:
            #       - 1
            #       - 2
            #     ? \(long)
            #     : - x
            #   jupytext:
            """
        #expect(try PercentWriter.text(of: nb).contains(expected))
    }

    @Test func regionNamesTripleQuotesAndWindowsLineEnds() throws {
        let nb = try Self.notebook([
            Self.markdown("text\r\n", metadata: #""cell_marker": "\"\"\"", "region_name": "x""#),
            Self.code("def f():\r\n    pass\r\n", metadata: #""region_name": "r""#),
            Self.code("f()"),
        ])
        let body = "# %% [x]\n\"\"\"\ntext\n\n\"\"\"\n\n\n# %% region_name=\"r\"\ndef f():\n    pass\n\n\n\n# %%\nf()\n"
        #expect(try PercentWriter.text(of: nb) == Self.header + "\n" + body)
    }

    @Test func blockCommentLanguagesHaveNoPercentScript() throws {
        let nb = try Self.notebook([], metadata: #""kernelspec": {"display_name": "OCaml", "language": "OCaml", "name": "ocaml"}"#)
        #expect(throws: LanguageError.self) { try PercentWriterOptions(notebook: nb) }
    }
}
