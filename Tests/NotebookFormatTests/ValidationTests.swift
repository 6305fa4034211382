import Testing

@testable import NotebookFormat

/// `NotebookValidator` against verdicts and messages of nbformat 5.11.1 with jsonschema 4.26
/// (each expected message below was produced by `nbformat.validate`).
@Suite struct ValidationTests {
    /// A notebook with the given version and cells (JSON text), keys in nbformat's order.
    static func notebook(_ cells: String..., minor: Int = 5, metadata: String = "{}") -> String {
        """
        {
         "cells": [\(cells.joined(separator: ",\n"))],
         "metadata": \(metadata),
         "nbformat": 4,
         "nbformat_minor": \(minor)
        }
        """
    }

    static let codeCell = #"{"cell_type": "code", "execution_count": null, "id": "a1", "metadata": {}, "outputs": [], "source": ["x = 1\n", "x"]}"#
    static let markdownCell = ##"{"cell_type": "markdown", "id": "b2", "metadata": {}, "source": "# Title"}"##

    static func report(_ text: String) throws(NotebookError) -> ValidationReport {
        try NotebookValidator.validate(Array(text.utf8))
    }

    static func messages(_ text: String) throws -> [String] {
        try report(text).errors.map { "\($0.path): \($0.message)" }
    }

    @Test func valid45Notebook() throws {
        let report = try Self.report(Self.notebook(Self.codeCell, Self.markdownCell))
        #expect(report.isValid)
        #expect(report.warnings.isEmpty)
    }

    @Test func badCellID() throws {
        let cell = #"{"cell_type": "markdown", "id": "bad id!", "metadata": {}, "source": ""}"#
        #expect(try Self.messages(Self.notebook(cell)) == [#"/cells/0/id: 'bad id!' does not match '^[a-zA-Z0-9-_]+$'"#])
    }

    @Test func missingSource() throws {
        let cell = #"{"cell_type": "markdown", "id": "m", "metadata": {}}"#
        #expect(try Self.messages(Self.notebook(cell)) == ["/cells/0: 'source' is a required property"])
    }

    @Test func wrongTypes() throws {
        let kernelspec = Self.notebook(metadata: #"{"kernelspec": "python3"}"#)
        #expect(try Self.messages(kernelspec) == ["/metadata/kernelspec: 'python3' is not of type 'object'"])
        // Draft 4 as jsonschema checks it: 1.0 is a number but not an integer, true is neither.
        let float = Self.codeCell.replacing(#""execution_count": null"#, with: #""execution_count": 1.0"#)
        #expect(try Self.messages(Self.notebook(float)) == ["/cells/0/execution_count: 1.0 is not of type 'integer', 'null'"])
        let scrolled = Self.codeCell.replacing(#""metadata": {}"#, with: #""metadata": {"scrolled": 1}"#)
        #expect(try Self.messages(Self.notebook(scrolled)) == ["/cells/0/metadata/scrolled: 1 is not one of [True, False, 'auto']"])
    }

    @Test func idIsAnAdditionalPropertyBefore45() throws {
        #expect(try Self.messages(Self.notebook(Self.markdownCell, minor: 4))
            == ["/cells/0: Additional properties are not allowed ('id' was unexpected)"])
    }

    @Test func outputErrorsComeFromTheBranchOfTheirType() throws {
        let stream = #"{"output_type": "stream", "name": "stdout", "text": "hi", "extra": 1}"#
        let cell = Self.codeCell.replacing(#""outputs": []"#, with: #""outputs": [\#(stream)]"#)
        #expect(try Self.messages(Self.notebook(cell))
            == ["/cells/0/outputs/0: Additional properties are not allowed ('extra' was unexpected)"])
        let unknown = #"{"cell_type": "heading", "id": "h", "metadata": {}, "source": ["T"], "level": 1}"#
        #expect(try Self.messages(Self.notebook(unknown)) == [
            "/cells/0: {'cell_type': 'heading', 'id': 'h', 'metadata': {}, 'source': 'T', 'level': 1} "
                + "is not valid under any of the given schemas"
        ])
    }

    @Test func patternsUsePythonSemantics() throws {
        // re.search: `$` also matches before a final newline; `.` does not match `\n` but does match `\r`.
        #expect(try Self.report(Self.notebook(Self.markdownCell.replacing(#""b2""#, with: #""b2\n""#))).isValid)
        let name = { (value: String) in Self.markdownCell.replacing(#""metadata": {}"#, with: #""metadata": {"name": "\#(value)"}"#) }
        #expect(try Self.report(Self.notebook(name(#"a\r"#))).isValid)
        #expect(try Self.messages(Self.notebook(name(#"a\nb"#))) == [#"/cells/0/metadata/name: 'a\nb' does not match '^.+$'"#])
    }

    @Test func version3() throws {
        let v3 = #"""
            {"metadata": {"name": ""}, "nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": [
             {"cell_type": "code", "collapsed": false, "input": ["print(1)"], "language": "python",
              "metadata": {}, "outputs": [{"output_type": "stream", "stream": "stdout", "text": ["1\n"]}], "prompt_number": 1},
             {"cell_type": "heading", "level": 1, "metadata": {}, "source": ["Title"]}], "metadata": {}}]}
            """#
        #expect(try Self.report(v3).isValid)
        #expect(try Self.messages(v3.replacing(#""level": 1"#, with: #""level": 0"#))
            == ["/worksheets/0/cells/1/level: 0 is less than the minimum of 1"])
    }

    @Test func version2HasNoSchema() throws {
        let v2 = #"{"metadata": {"name": "x"}, "nbformat": 2, "worksheets": [{"cells": []}]}"#
        #expect(try Self.messages(v2) == ["/nbformat: No schema for validating v2.0 notebooks"])
    }

    @Test func newerMinorRelaxesAdditionalProperties() throws {
        let future = #"{"cell_type": "code", "execution_count": null, "id": "f", "metadata": {}, "outputs": [], "source": "", "new_field": 1}"#
        let newType = #"{"cell_type": "sketch", "metadata": {}, "strokes": []}"#
        #expect(try Self.report(Self.notebook(future, newType, minor: 99)).isValid)
        #expect(try Self.messages(Self.notebook(future, minor: 5))
            == ["/cells/0: Additional properties are not allowed ('new_field' was unexpected)"])
        let wrong = future.replacing(#""source": """#, with: #""source": 3"#)
        #expect(try Self.messages(Self.notebook(wrong, minor: 99)) == ["/cells/0/source: 3 is not valid under any of the given schemas"])
    }

    @Test func missingAndDuplicateIDsAreWarnings() throws {
        let noID = #"{"cell_type": "markdown", "metadata": {}, "source": ""}"#
        let report = try Self.report(Self.notebook(noID, Self.markdownCell, Self.markdownCell))
        #expect(report.isValid)
        #expect(report.warnings.map(\.path.pointer) == ["/cells/0", "/cells/2/id"])
        #expect(report.warnings[1].message.hasPrefix("duplicate cell id 'b2' (first used by /cells/1)"))
        // Before 4.5, cells have no ids at all.
        #expect(try Self.report(Self.notebook(noID, minor: 4)) == ValidationReport())
    }

    @Test func errorsCarryLineAndColumnOfTheirValue() throws {
        let text = """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "id": "bad id!",
               "metadata": {"tags": ["a", "a"]},
               "source": []
              }
             ],
             "metadata": {},
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """
        let errors = try Self.report(text).errors
        #expect(errors.map(\.description) == [
            "5:10: /cells/0/id: 'bad id!' does not match '^[a-zA-Z0-9-_]+$'",
            "6:25: /cells/0/metadata/tags: ['a', 'a'] has non-unique elements",
        ])
    }

    @Test func unreadableFilesThrow() throws {
        #expect(throws: NotebookError.self) { try Self.report("{\n \"cells\": [,]\n}") }
        do {
            _ = try Self.report("{\n \"cells\": [\n  {,\n ]\n}")
        } catch {
            #expect(error.kind == .invalidJSON && error.line == 3 && error.column == 4)
        }
        // nbformat cannot read a v4 notebook without cells, or whose version is not an integer.
        let floatMinor = Self.notebook().replacing("\"nbformat_minor\": 5", with: "\"nbformat_minor\": 5.0")
        for text in [#"{"metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#, floatMinor] {
            #expect(throws: NotebookError.self) { try Self.report(text) }
        }
    }

    @Test func everyEmbeddedSchemaLoads() {
        for minor in 0...6 {
            guard case .schema(let document) = NotebookSchemas.schema(major: 4, minor: .int(minor)) else {
                Issue.record("no schema for 4.\(minor)")
                continue
            }
            #expect(document.references["#/definitions/cell"] != nil)
        }
        guard case .schema(let v3) = NotebookSchemas.schema(major: 3, minor: nil) else { return #expect(Bool(false)) }
        #expect(v3.references["#/definitions/worksheet"] != nil)
    }

    @Test func locatorFindsEscapedKeysArraysAndLastDuplicates() {
        let text = "{\"a\\/b\": [1, {\"k\": 2}], \"d\": 1, \"d\": \"é\"}"
        let paths = [JSONPath(pointer: "/a~1b/1/k"), JSONPath(pointer: "/d"), JSONPath(pointer: "/a~1b/5"), JSONPath()]
        let columns = JSONLocator.locate(paths, in: Array(text.utf8)).map(\.column)
        #expect(columns == [20, 38, 10, 1])
    }

    @Test func pythonRepr() {
        #expect(JSONValue.string("it's").pythonRepr == #""it's""#)
        #expect(JSONValue.string("a\u{0}\u{a0}é\n").pythonRepr == #"'a\x00\xa0é\n'"#)
        let object = JSONValue.object(JSONObject(["n": .null, "b": .bool(true), "f": .number(JSONNumber(literal: "1e20"))]))
        #expect(object.pythonRepr == "{'n': None, 'b': True, 'f': 1e+20}")
    }
}
