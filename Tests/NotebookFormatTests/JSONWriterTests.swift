import Testing

@testable import NotebookFormat

/// Expected bytes are what Python 3.11's json.dumps(..., indent=1, sort_keys=True,
/// separators=(",", ": "), ensure_ascii=...) prints for the same value.
struct JSONWriterTests {
    @Test func writesLikePythonWithIndentOneAndSortedKeys() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [], "é": {}, "Z": "é\u0001\u007f\"\\/\t"}"#)
        let expected = "{\n \"Z\": \"é\\u0001\u{7f}\\\"\\\\/\\t\",\n \"a\": [],\n \"b\": 1,\n \"é\": {}\n}"
        #expect(JSONWriter().string(value) == expected)
    }

    @Test func escapesNonASCIIWhenAsked() throws {
        let value = try JSONParser.parse(#"{"k": "é😀\u007f"}"#)
        #expect(JSONWriter(ensureASCII: true).string(value) == "{\n \"k\": \"\\u00e9\\ud83d\\ude00\\u007f\"\n}")
    }

    @Test func sortsKeysByCodePoint() throws {
        let value = try JSONParser.parse(#"{"b": 1, "B": 2, "_": 3, "ä": 4, "a": 5, "10": 6, "9": 7}"#)
        let keys = JSONWriter(indent: nil).string(value)
        #expect(keys == #"{"10":6,"9":7,"B":2,"_":3,"a":5,"b":1,"ä":4}"#)
    }

    @Test func leavesU2028Unescaped() throws {
        #expect(JSONWriter().string(.string("a\u{2028}b")) == "\"a\u{2028}b\"")
    }

    @Test func nestsWithOneSpacePerLevel() throws {
        let value = try JSONParser.parse(#"{"a": [1, {"b": [true, null]}]}"#)
        let expected = "{\n \"a\": [\n  1,\n  {\n   \"b\": [\n    true,\n    null\n   ]\n  }\n ]\n}"
        #expect(JSONWriter().string(value) == expected)
    }
}
