import Testing

@testable import NotebookFormat

/// Expected texts are what Python 3.11's `json.dumps(json.loads(literal))` prints.
struct JSONNumberTests {
    @Test(arguments: [
        ("1.0", "1.0"), ("1.10", "1.1"), ("1e0", "1.0"), ("1e20", "1e+20"), ("1.5e-7", "1.5e-07"),
        ("-0.0", "-0.0"), ("0.1", "0.1"), ("1e16", "1e+16"), ("1e15", "1000000000000000.0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"), ("-0", "0"),
        ("1E400", "Infinity"), ("-1e400", "-Infinity"), ("2.5e-5", "2.5e-05"), ("0.0001", "0.0001"),
        ("100.0", "100.0"), ("5e-324", "5e-324"), ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("3.141592653589793238", "3.141592653589793"), ("NaN", "NaN"), ("-Infinity", "-Infinity"),
    ])
    func numbersAreWrittenAsPythonWritesThem(literal: String, expected: String) throws {
        let value = try JSONParser.parse(literal)
        #expect(JSONWriter().string(value) == expected)
    }

    @Test func integersAndFloatsStayDistinct() throws {
        let value = try JSONParser.parse("[1, 1.0, 10000000000000000000000]")
        #expect(JSONWriter(indent: nil).string(value) == "[1,1.0,10000000000000000000000]")
        #expect(value.arrayValue?[0].typeName == "integer")
        #expect(value.arrayValue?[1].typeName == "number")
    }
}
