import NotebookFormat
import NotebookText
import Testing

/// The YAML subset of script headers, as PyYAML's `safe_dump` writes it and `safe_load` reads it.
@Suite("PercentReader YAML")
struct PercentReaderYAMLTests {
    static func value(_ text: String) throws -> JSONValue {
        try YAMLReader.value(of: text)
    }

    @Test func nestedMappingsAndQuoting() throws {
        let value = try Self.value(
            """
            jupyter:
              jupytext:
                formats: ipynb,py:percent
                text_representation:
                  extension: .py
                  format_version: '1.3'
              kernelspec:
                display_name: 'Python 3.8.5 64-bit (''hf'': conda)'
                name: "Pyth\\xF6n 3 \\u2014 venv"
            """)
        let jupyter = value.objectValue?["jupyter"]?.objectValue
        let jupytext = jupyter?["jupytext"]?.objectValue
        #expect(jupytext?["formats"] == .string("ipynb,py:percent"))
        #expect(jupytext?["text_representation"]?.objectValue?["format_version"] == .string("1.3"))
        #expect(jupytext?["text_representation"]?.objectValue?["extension"] == .string(".py"))
        let kernelspec = jupyter?["kernelspec"]?.objectValue
        #expect(kernelspec?["display_name"] == .string("Python 3.8.5 64-bit ('hf': conda)"))
        #expect(kernelspec?["name"] == .string("Pythön 3 — venv"))
    }

    @Test func listsAtTheKeysIndentation() throws {
        let value = try Self.value("a:\n- 1\n- x: 2\n  y: [3, 'four']\n- - nested\nb: {}\nc: []\n")
        let object = value.objectValue
        #expect(object?["a"] == .array([
            .int(1),
            .object(JSONObject(["x": .int(2), "y": .array([.int(3), .string("four")])])),
            .array([.string("nested")]),
        ]))
        #expect(object?["b"] == .object(JSONObject()) && object?["c"] == .array([]))
    }

    @Test func pyYAMLTypes() throws {
        let value = try Self.value(
            "a: true\nb: no\nc: ~\nd: 0x1f\ne: 1_000\nf: 1.5\ng: .inf\nh: 1e5\ni: '12'\nj: 010\nk: -3\nl: null\nm:\n")
        let o = value.objectValue ?? JSONObject()
        #expect(o["a"] == .bool(true) && o["b"] == .bool(false) && o["c"] == .null)
        #expect(o["d"] == .int(31) && o["e"] == .int(1000) && o["j"] == .int(8) && o["k"] == .int(-3))
        #expect(o["f"] == .number(JSONNumber(double: 1.5)) && o["g"] == .number(JSONNumber(double: .infinity)))
        #expect(o["h"] == .string("1e5") && o["i"] == .string("12") && o["l"] == .null && o["m"] == .null)
    }

    @Test func foldedScalars() throws {
        let value = try Self.value(
            """
            plain: a long value that PyYAML
              wrapped at eighty columns
            single: 'first line

              second line'
            double: "joined \\
              \\ with a space"
            literal: |
              line 1
              line 2
            folded: >-
              one
              two
            """)
        let o = value.objectValue ?? JSONObject()
        #expect(o["plain"] == .string("a long value that PyYAML wrapped at eighty columns"))
        #expect(o["single"] == .string("first line\nsecond line"))
        #expect(o["double"] == .string("joined  with a space"))
        #expect(o["literal"] == .string("line 1\nline 2\n"))
        #expect(o["folded"] == .string("one two"))
    }

    @Test func complexKeys() throws {
        // What PyYAML's safe_dump writes for empty, long and multi-line keys.
        let long = String(repeating: "a", count: 130)
        let value = try Self.value(
            """
            jupyter:
              ? ''
              : 1
              ? \(long)
              : x
              b: 'yes'
              ? 'multi

                line'
              : - 1
                - k: v
              q: it's
            """)
        let o = value.objectValue?["jupyter"]?.objectValue ?? JSONObject()
        #expect(o.keys == ["", long, "b", "multi\nline", "q"])
        #expect(o[""] == .int(1) && o[long] == .string("x") && o["b"] == .string("yes") && o["q"] == .string("it's"))
        #expect(o["multi\nline"] == .array([.int(1), .object(JSONObject(["k": .string("v")]))]))
    }

    @Test func commentsAndErrors() throws {
        #expect(try Self.value("# only a comment\na: 1 # trailing\n").objectValue?["a"] == .int(1))
        #expect(throws: YAMLReader.Error.self) { try Self.value("a: 'open\nb: 2\n") }
        #expect(throws: YAMLReader.Error.self) { try Self.value("a: 1\n   b: 2\n") }
        #expect(throws: YAMLReader.Error.self) { try Self.value("a: &anchor 1\n") }
        do {
            _ = try Self.value("a: 1\nb: [1, 2\n")
        } catch let error as YAMLReader.Error {
            #expect(error.line == 2)
        }
    }
}
