import Testing

@testable import QuireConfig

struct TOMLParserTests {
    @Test func readsTablesKeysAndValues() throws {
        let text = """
            # settings
            title = "quire"   # trailing comment
            [tool.quire.clean]
            keep-output = true
            max_size = 1_000
            ratio = 0.5
            extra-keys = [
              "metadata.foo",  # one
              'cell.metadata.bar',
            ]
            "quoted key" = 'C:\\path'
            """
        let root = try TOMLParser.parse(text)
        #expect(root["title"] == .string("quire"))
        let clean = try #require(root.table(at: ["tool", "quire", "clean"]))
        #expect(clean.keys == ["keep-output", "max_size", "ratio", "extra-keys", "quoted key"])
        #expect(clean["keep-output"] == .bool(true))
        #expect(clean["max_size"] == .integer(1000))
        #expect(clean["ratio"] == .float(0.5))
        #expect(clean["extra-keys"] == .array([.string("metadata.foo"), .string("cell.metadata.bar")]))
        #expect(clean["quoted key"] == .string("C:\\path"))
        #expect(clean.lines["extra-keys"] == 7)
    }

    @Test func readsWhatPyprojectFilesHold() throws {
        let text = """
            [build-system]
            requires = ["setuptools>=61"]
            [project]
            name = "demo"
            authors = [{name = "A. B.", email = "a@b.c"}]
            description = \"\"\"
            Multi-line with "quotes" and [brackets]
            [tool.quire]
            \"\"\"
            released = 2024-01-02
            [[tool.mypy.overrides]]
            module = "x"
            [[tool.mypy.overrides]]
            module = "y"
            [tool.quire]
            clean.keep-count = true
            """
        let root = try TOMLParser.parse(text)
        #expect(root.table(at: ["project"])?["description"] == .string("Multi-line with \"quotes\" and [brackets]\n[tool.quire]\n"))
        #expect(root.table(at: ["tool", "quire", "clean"])?["keep-count"] == .bool(true))
        guard case .array(let overrides)? = root.table(at: ["tool", "mypy"])?["overrides"] else {
            Issue.record("array of tables missing")
            return
        }
        #expect(overrides.count == 2)
    }

    @Test func decodesEscapes() throws {
        let root = try TOMLParser.parse(#"s = "tab\there \u00e9 \"q\"""#)
        #expect(root["s"] == .string("tab\there é \"q\""))
    }

    @Test(arguments: [
        ("a = ", 1), ("a = 1\nb = [1, 2", 2), ("a = \"open", 1), ("a = 1\na = 2", 2), ("[table\nx = 1", 1), ("a = bare", 1),
    ])
    func reportsTheLineOfAnError(text: String, line: Int) {
        #expect {
            _ = try TOMLParser.parse(text)
        } throws: { error in
            (error as? TOMLError)?.line == line
        }
    }
}
