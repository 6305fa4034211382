import NotebookFormat
import Testing
@testable import JupyterKernel

/// Expected strings from papermill 2.7's PythonTranslator and `_resolve_type`.
@Suite("papermill parameters")
struct PapermillParametersTests {
    @Test func literalsAsPapermillWritesThem() throws {
        #expect(PythonLiteral.render(.null) == "None")
        #expect(PythonLiteral.render(.bool(true)) == "True")
        #expect(PythonLiteral.render(.int(-3)) == "-3")
        #expect(PythonLiteral.render(.number(JSONNumber(double: 0.6))) == "0.6")
        #expect(PythonLiteral.render(.number(JSONNumber(double: 1e16))) == "1e+16")
        #expect(PythonLiteral.render(.number(JSONNumber(double: 1e-7))) == "1e-07")
        #expect(PythonLiteral.render(.number(JSONNumber(double: 2))) == "2.0")
        #expect(PythonLiteral.render(.number(JSONNumber(literal: "NaN"))) == "float('nan')")
        #expect(PythonLiteral.render(.number(JSONNumber(literal: "-Infinity"))) == "float('-inf')")
        #expect(PythonLiteral.render(.string(#"it's "q""#)) == #""it's \"q\"""#)
        // s.encode('unicode_escape').decode().replace('"', '\\"')
        #expect(PythonLiteral.render(.string("tab\there \\ \"q\" é ☃ 😀 \u{7F} \u{01}"))
            == #""tab\there \\ \"q\" \xe9 \u2603 \U0001f600 \x7f \x01""#)
        let flags: JSONValue = .array([.bool(true), .null, .number(JSONNumber(double: 1.5)), .string("nan")])
        #expect(PythonLiteral.render(flags) == #"[True, None, 1.5, "nan"]"#)
        #expect(PythonLiteral.render(.object(JSONObject(["a": .int(1), "b": .array([])]))) == #"{"a": 1, "b": []}"#)
    }

    @Test func commandLineValuesAreTypedAsPapermillTypesThem() {
        #expect(PythonLiteral.resolveType("True") == .bool(true))
        #expect(PythonLiteral.resolveType("None") == .null)
        #expect(PythonLiteral.resolveType("true") == .string("true"))
        #expect(PythonLiteral.resolveType("42") == .int(42))
        #expect(PythonLiteral.resolveType(" 1_000 ") == .int(1000))
        #expect(PythonLiteral.resolveType("007") == .int(7))
        #expect(PythonLiteral.render(PythonLiteral.resolveType("0.60")) == "0.6")
        #expect(PythonLiteral.render(PythonLiteral.resolveType("1e3")) == "1000.0")
        #expect(PythonLiteral.render(PythonLiteral.resolveType("nan")) == "float('nan')")
        #expect(PythonLiteral.render(PythonLiteral.resolveType("-inf")) == "float('-inf')")
        #expect(PythonLiteral.resolveType("0x10") == .string("0x10"))
        #expect(PythonLiteral.resolveType("1__0") == .string("1__0"))
        #expect(PythonLiteral.resolveType("EU") == .string("EU"))
        #expect(PythonLiteral.resolveType("") == .string(""))
    }

    @Test func namesMustBePythonIdentifiers() {
        for good in ["alpha", "_x", "x1", "données"] { #expect(PapermillParameters.isValidName(good)) }
        for bad in ["1x", "a-b", "", "class", "None", "a b"] { #expect(!PapermillParameters.isValidName(bad)) }
    }

    static func notebook(_ tags: [[String]]) -> Notebook {
        var json = JSONObject()
        json["cells"] = .array(tags.enumerated().map { index, cellTags in
            .object(JSONObject([
                "cell_type": .string("code"), "id": .string("c\(index)"), "metadata": .object(JSONObject(["tags": .array(cellTags.map(JSONValue.string))])),
                "source": .string("x = \(index)"), "outputs": .array([]), "execution_count": .null,
            ]))
        })
        json["metadata"] = .object(JSONObject())
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(5)
        return Notebook(json: json)
    }

    @Test func injectedCellGoesAfterTheParametersCell() {
        var notebook = Self.notebook([[], ["parameters"], []])
        let parameters = JSONObject(["alpha": .number(JSONNumber(double: 0.6)), "name": .string("EU")])
        #expect(PapermillParameters.inject(parameters, into: &notebook))
        let cells = notebook.cells
        #expect(cells.map { $0.tags } == [[], ["parameters"], ["injected-parameters"], []])
        #expect(cells[2].source == "# Parameters\nalpha = 0.6\nname = \"EU\"\n")
        #expect(cells[2].id == "injected-parameters")
        #expect(notebook.metadata["papermill"]?.objectValue?["parameters"] == .object(parameters))
        // Running again replaces the injected cell instead of adding another.
        #expect(PapermillParameters.inject(JSONObject(["alpha": .int(1)]), into: &notebook))
        #expect(notebook.cells.count == 4)
        #expect(notebook.cells[2].source == "# Parameters\nalpha = 1\n")
    }

    @Test func withoutParametersCellTheInjectedCellGoesFirst() {
        var notebook = Self.notebook([[], []])
        #expect(!PapermillParameters.inject(JSONObject(["a": .int(1)]), into: &notebook))
        #expect(notebook.cells.first?.tags == ["injected-parameters"])
    }
}
