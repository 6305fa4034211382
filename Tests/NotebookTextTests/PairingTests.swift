import NotebookText
import Testing

/// jupytext's `formats` and the paired file names it gives (`paired_paths.py`); the expected
/// names follow jupytext's documentation and its own tests.
@Suite struct PairingTests {
    func paired(_ formats: String, _ path: String) throws -> [String]? {
        try Pairing(parsing: formats).files(for: path)?.map(\.path)
    }

    @Test func parsesEachPartOfAFormat() throws {
        let format = try PairingFormat(parsing: "scripts/.pct.py:percent")
        #expect(format == PairingFormat(prefix: "scripts", suffix: ".pct", fileExtension: ".py", formatName: "percent"))
        #expect(try PairingFormat(parsing: "notebooks//ipynb") == PairingFormat(prefix: "notebooks/", fileExtension: ".ipynb"))
        #expect(try PairingFormat(parsing: "py") == PairingFormat(fileExtension: ".py"))
        #expect(try PairingFormat(parsing: "md:myst").formatName == "myst")
        #expect(try PairingFormat(parsing: "notebook").fileExtension == ".ipynb")
        #expect(throws: PairingError.self) { try PairingFormat(parsing: "percent") }
        #expect(throws: PairingError.self) { try Pairing(parsing: "py:percent,md") }
        #expect(try Pairing(parsing: "ipynb, py:percent").description == "ipynb,py:percent")
    }

    @Test func pairsFilesBesideEachOther() throws {
        #expect(try paired("ipynb,py:percent", "nb.ipynb") == ["nb.ipynb", "nb.py"])
        #expect(try paired("ipynb,py:percent", "dir/nb.py") == ["dir/nb.ipynb", "dir/nb.py"])
        #expect(try paired("ipynb,.pct.py:percent", "a/nb.ipynb") == ["a/nb.ipynb", "a/nb.pct.py"])
        #expect(try paired("ipynb,.pct.py:percent", "a/nb.pct.py") == ["a/nb.ipynb", "a/nb.pct.py"])
        #expect(try paired("ipynb,R:percent", "/abs/model.ipynb") == ["/abs/model.ipynb", "/abs/model.R"])
        #expect(try paired("ipynb,py:percent", "notes.md") == nil)
    }

    @Test func pairsAcrossFolders() throws {
        #expect(try paired("notebooks//ipynb,scripts//py:percent", "notebooks/nb.ipynb") == ["notebooks/nb.ipynb", "scripts/nb.py"])
        #expect(try paired("notebooks//ipynb,scripts//py:percent", "scripts/nb.py") == ["notebooks/nb.ipynb", "scripts/nb.py"])
        #expect(try paired("notebooks//ipynb,scripts//py:percent", "other/nb.ipynb") == nil)
        #expect(try paired("ipynb,../scripts//py:percent", "notebooks/nb.ipynb") == ["notebooks/nb.ipynb", "scripts/nb.py"])
        #expect(try paired("dir/prefix_/ipynb,py:percent", "dir/prefix_nb.ipynb") == ["dir/prefix_nb.ipynb", "nb.py"])
    }

    @Test func aPrefixRootMatchesTheFolderAtAnyDepth() throws {
        let formats = "notebooks///ipynb,scripts///py:percent"
        #expect(try paired(formats, "project/notebooks/sub/nb.ipynb") == ["project/notebooks/sub/nb.ipynb", "project/scripts/sub/nb.py"])
        #expect(try paired(formats, "/w/notebooks/nb.ipynb") == ["/w/notebooks/nb.ipynb", "/w/scripts/nb.py"])
        #expect(try paired(formats, "notebooks/nb.ipynb") == ["notebooks/nb.ipynb", "scripts/nb.py"])
        #expect(try paired(formats, "project/scripts/sub/nb.py") == ["project/notebooks/sub/nb.ipynb", "project/scripts/sub/nb.py"])
        #expect(try paired(formats, "elsewhere/nb.ipynb") == nil)
    }
}
