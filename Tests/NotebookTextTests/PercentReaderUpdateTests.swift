import NotebookFormat
import NotebookText
import Testing

/// `NotebookUpdate`: a script updates an existing notebook as `jupytext --update` does.
@Suite("PercentReader update")
struct PercentReaderUpdateTests {
    static func code(_ source: String, id: String, count: Int, output: String, metadata: JSONObject = JSONObject()) -> JSONValue {
        var stream = JSONObject()
        stream["name"] = .string("stdout")
        stream["output_type"] = .string("stream")
        stream["text"] = .string(output)
        var cell = JSONObject()
        cell["cell_type"] = .string("code")
        cell["execution_count"] = .int(count)
        cell["id"] = .string(id)
        cell["metadata"] = .object(metadata)
        cell["outputs"] = .array([.object(stream)])
        cell["source"] = .string(source)
        return .object(cell)
    }

    static var existing: Notebook {
        var kernelspec = JSONObject()
        kernelspec["display_name"] = .string("Python 3")
        kernelspec["language"] = .string("python")
        kernelspec["name"] = .string("python3")
        var metadata = JSONObject()
        metadata["kernelspec"] = .object(kernelspec)
        metadata["language_info"] = .object(JSONObject(["name": .string("python")]))
        var json = JSONObject()
        json["cells"] = .array([
            code("import os", id: "aaaa0001", count: 1, output: "", metadata: JSONObject(["collapsed": .bool(true)])),
            code("f(1)", id: "aaaa0002", count: 2, output: "2\n"),
            code("print('gone')", id: "aaaa0003", count: 3, output: "gone\n"),
        ])
        json["metadata"] = .object(metadata)
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(5)
        return Notebook(json: json)
    }

    static let script = """
        # ---
        # jupyter:
        #   kernelspec:
        #     display_name: Python 3
        #     language: python
        #     name: python3
        # ---

        # %% tags=["setup"]
        import os

        # %%
        f(1)  # edited

        # %% [markdown]
        # A new cell

        """

    @Test func unchangedAndEditedCellsKeepOutputsAndIds() throws {
        let scriptNotebook = try PercentReader.notebook(from: Self.script, fileExtension: "py")
        let updated = NotebookUpdate.updating(Self.existing, from: scriptNotebook)
        let cells = updated.cells
        #expect(cells.map(\.source) == ["import os", "f(1)  # edited", "A new cell"])
        #expect(cells[0].id == "aaaa0001" && cells[0].json["execution_count"] == .int(1))
        #expect(cells[0].metadata["collapsed"] == .bool(true))
        #expect(cells[0].tags == ["setup"])
        #expect(cells[1].id == "aaaa0002" && cells[1].outputs.count == 1)
        #expect(cells[2].id != nil && !["aaaa0001", "aaaa0002", "aaaa0003"].contains(cells[2].id ?? ""))
        #expect(cells[2].cellType == "markdown" && cells[2].json["outputs"] == nil)
        #expect(!cells.contains { $0.source.contains("gone") })
        #expect(updated.metadata["language_info"] != nil)
        #expect(updated.metadata["jupytext"] == nil)
        // The same inputs give the same ids.
        #expect(NotebookUpdate.updating(Self.existing, from: scriptNotebook).cells.map(\.id) == cells.map(\.id))
    }

    @Test func movedCellsAreFoundAgain() throws {
        let moved = "# %%\nprint('gone')\n\n# %%\nimport os\n"
        let scriptNotebook = try PercentReader.notebook(from: moved, fileExtension: "py")
        let cells = NotebookUpdate.updating(Self.existing, from: scriptNotebook).cells
        #expect(cells.map(\.id) == ["aaaa0003", "aaaa0001"])
        #expect(cells[0].outputs.first?["text"] == .string("gone\n"))
    }

    @Test func aCellReplacedInPlaceTakesTheOldOutputs() throws {
        // jupytext's fourth rule: an unmatched cell takes the unused cell of the same type at the
        // next position, so `print('gone')` -> `print("new")` keeps its outputs and id.
        let text = "# %%\nimport os\n\n# %%\nf(1)\n\n# %%\nprint(\"new\")\n"
        let cells = NotebookUpdate.updating(Self.existing, from: try PercentReader.notebook(from: text, fileExtension: "py")).cells
        #expect(cells.map(\.id) == ["aaaa0001", "aaaa0002", "aaaa0003"])
        #expect(cells[2].source == "print(\"new\")")
    }

    @Test func olderMinorVersionsGetNoIds() throws {
        var old = Self.existing
        old.json["nbformat_minor"] = .int(4)
        let scriptNotebook = try PercentReader.notebook(from: Self.script, fileExtension: "py")
        let updated = NotebookUpdate.updating(old, from: scriptNotebook)
        #expect(updated.minor == 4)
        #expect(updated.cells.map(\.id) == ["aaaa0001", "aaaa0002", nil])
        #expect(updated.cells[1].outputs.count == 1)
    }

    @Test func theUpdatedNotebookWritesBackToTheSameScript() throws {
        let scriptNotebook = try PercentReader.notebook(from: Self.script, fileExtension: "py")
        let updated = NotebookUpdate.updating(Self.existing, from: scriptNotebook)
        let text = try PercentWriter.text(of: updated)
        #expect(text.contains("# %% tags=[\"setup\"]\nimport os\n\n# %%\nf(1)  # edited\n"))
    }
}
