import Testing

@testable import NotebookFormat

struct JSONParserTests {
    @Test func keepsKeyOrderAndTakesTheLastDuplicate() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": 2, "b": 3}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .int(3))
    }

    @Test func duplicatesInLargeObjectsKeepTheirFirstPosition() throws {
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k5\": \"last\""]
        let object = try #require(try JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
        #expect(object.count == 40)
        #expect(object.keys[5] == "k5")
        #expect(object["k5"] == .string("last"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00\u0000""#)
        #expect(value == .string("a\"b\\c/d\n\té😀\u{0}"))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9, "property name"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expecting ',' or '}'"),
        (#"[1, 2"#, 1, 6, "end of the file"),
        (#""abc"#, 1, 1, "unterminated string"),
        ("\"a\u{1}b\"", 1, 3, "control character"),
        (#"{"a": tru}"#, 1, 7, "expecting a value"),
        (#"{} x"#, 1, 4, "extra data"),
        (#""\x""#, 1, 2, "invalid escape"),
        (#""\ud800""#, 1, 2, "lone surrogate"),
        ("", 1, 1, "expecting a value"),
    ])
    func reportsLineAndColumnOfBadJSON(text: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect {
            _ = try JSONParser.parse("[\"ééé\" x]")
        } throws: { error in
            (error as? JSONParseError)?.column == 8
        }
    }

    @Test func rejectsBytesThatAreNotUTF8() {
        #expect {
            _ = try JSONParser.parse([0x22, 0x61, 0xFF, 0x62, 0x22])
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.column == 3 && error.message.contains("UTF-8")
        }
    }

    @Test func refusesNestingDeeperThanTheLimitInsteadOfCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test func readsHugeStrings() throws {
        let payload = String(repeating: "iVBORw0KGgo", count: 2_000_000)
        let value = try JSONParser.parse("{\"image/png\": \"\(payload)\"}")
        #expect(value.objectValue?["image/png"]?.stringValue?.utf8.count == payload.utf8.count)
    }

    @Test func toleratesAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .object(JSONObject()))
    }
}

struct StringPoolTests {
    @Test func documentsReadWithOnePoolShareTheirLongStrings() throws {
        let image = String(repeating: "iVBORw0KGgoAAAANSUhEUg", count: 100)
        let pool = StringPool()
        let first = try JSONParser.parse(Array("{\"png\": \"\(image)\", \"x\": \"short\"}".utf8), pool: pool)
        let second = try JSONParser.parse(Array("[\"\(image)\", \"\(image)x\"]".utf8), pool: pool)
        var a = try #require(first.objectValue?["png"]?.stringValue)
        var b = try #require(second.arrayValue?[0].stringValue)
        #expect(a == image && b == image)
        let shared = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        #expect(shared, "the second document reuses the first one's storage")
        #expect(second.arrayValue?[1].stringValue == image + "x", "a different string is not confused with it")
    }
}
