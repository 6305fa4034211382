import NotebookFormat
import Testing

@testable import NotebookDiff

/// The terminal rendering, colour off, against text written by hand.
@Suite struct DiffRenderTests {
    static func render(_ new: Notebook, from old: Notebook = DiffModelTests.base, renderer: DiffRenderer = DiffRenderer()) -> String {
        renderer.render(NotebookDiff(old: old, new: new), oldName: "a.ipynb", newName: "b.ipynb")
    }

    @Test func modifiedSourceOutputsAndMetadata() {
        let new = DiffModelTests.edited { cells in
            cells[1]["source"] = NB.lines("import numpy as np\nx = 2\nprint(x)")
            cells[1]["execution_count"] = .int(4)
            cells[1]["outputs"] = .array([.object(NB.stream("2\n"))])
            cells[3]["metadata"] = NB.json(#"{"tags": ["a", "b"]}"#)
            cells[3]["outputs"] = .array([.object(NB.image(bytes: 3300, fill: "B"))])
        }
        #expect(Self.render(new) == """
            --- a.ipynb
            +++ b.ipynb
            ## cell 2 (id c1, code) modified
              execution count 1 → 4
            @@ -1,3 +1,3 @@
             import numpy as np
            -x = 1
            +x = 2
             print(x)
              output 1 (stream stdout):
                -1
                +2
            ## cell 4 (id c3, code) modified
              output 1 (display_data) image/png 2.9 KB → 3.2 KB
              metadata.tags: ["a"] → ["a","b"]

            """)
    }

    @Test func insertedDeletedAndMovedCells() {
        let new = DiffModelTests.edited { cells in
            let title = cells.remove(at: 0)
            cells.remove(at: 1)
            cells.insert(NB.markdown("A new section", id: "new"), at: 1)
            cells.append(title)
        }
        #expect(Self.render(new) == """
            --- a.ipynb
            +++ b.ipynb
            ## cell 1 (id m1, markdown) moved to 4
            ## cell 3 (id c2, code) deleted
            -y = 2
            ## cell 2 (id new, markdown) added
            +A new section
            ## cell 4 (id m1, markdown) moved from 1

            """)
    }

    @Test func outputsAreSummarisedNeverDumped() {
        let new = DiffModelTests.edited { cells in
            cells[1]["outputs"] = .array([.object(NB.error("ValueError", "bad value"))])
            cells[2]["outputs"] = .array([.object(NB.result("2", count: 2)), .object(NB.image(bytes: 12288))])
        }
        #expect(Self.render(new) == """
            --- a.ipynb
            +++ b.ipynb
            ## cell 2 (id c1, code) modified
              - output 1: stream stdout, "1"
              + output 1: error ValueError: bad value
            ## cell 3 (id c2, code) modified
              + output 1: execute_result text/plain "2"
              + output 2: display_data image/png 12.0 KB, text/plain "<Figure size 640x480 with 1 Axes>"

            """)
    }

    @Test func errorsShowNameAndValue() {
        let old = NB.notebook([NB.code("f()", id: "e", count: 1, outputs: [NB.error("ValueError", "bad")])])
        let new = NB.notebook([NB.code("f()", id: "e", count: 1, outputs: [NB.error("KeyError", "'x'")])])
        #expect(Self.render(new, from: old) == """
            --- a.ipynb
            +++ b.ipynb
            ## cell 1 (id e, code) modified
              output 1 (error): ValueError: bad → KeyError: 'x'

            """)
    }

    @Test func versionMetadataAndNewIDsInFewLines() {
        let cells = [NB.markdown("# Notes"), NB.code("a = 1"), NB.code("b = 2")]
        let old = NB.notebook(cells, minor: 4)
        var withIDs = cells
        for i in withIDs.indices { withIDs[i]["id"] = .string("x\(i + 1)") }
        var metadata = NB.defaultMetadata
        metadata["kernelspec"] = NB.json(#"{"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}"#)
        let new = NB.notebook(withIDs, metadata: metadata, minor: 5)
        #expect(Self.render(new, from: old) == """
            --- a.ipynb
            +++ b.ipynb
            ## nbformat_minor 4 → 5
            ## notebook metadata
              kernelspec.display_name: "Python 3" → "Python 3 (ipykernel)"
            ## cell ids added to 3 cells

            """)
    }

    @Test func longSourcesAreCut() {
        let new = DiffModelTests.edited { $0.append(NB.code("l1\nl2\nl3\nl4\nl5", id: "long")) }
        #expect(Self.render(new, renderer: DiffRenderer(maxLines: 3)) == """
            --- a.ipynb
            +++ b.ipynb
            ## cell 5 (id long, code) added
            +l1
            +l2
            +l3
            … 2 more lines

            """)
    }

    @Test func sameNotebooksRenderNothing() {
        #expect(Self.render(DiffModelTests.base).isEmpty)
    }

    @Test func colourMarksChangedWords() {
        let new = DiffModelTests.edited { $0[2]["source"] = NB.lines("y = 3") }
        let text = Self.render(new, renderer: DiffRenderer(color: true))
        #expect(text.contains("\u{1B}[31m-y = \u{1B}[0m\u{1B}[7;31m2\u{1B}[0m"))
        #expect(text.contains("\u{1B}[32m+y = \u{1B}[0m\u{1B}[7;32m3\u{1B}[0m"))
        #expect(!Self.render(new).contains("\u{1B}"))
    }

    @Test func sizesReadLikeFileSizes() {
        #expect(ValueText.size(512) == "512 B")
        #expect(ValueText.size(34_918) == "34.1 KB")
        #expect(ValueText.size(5 * 1024 * 1024 / 2) == "2.5 MB")
        #expect(ValueText.base64DecodedSize("iVBORw0KGgo=") == 8)
    }
}
