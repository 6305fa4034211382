import HTMLTemplates
import Testing

@Suite struct TemplateErrorTests {
    func error(_ source: String) -> TemplateError? {
        do {
            _ = try TemplateLibrary(["page": source])
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedSectionNamesTemplateLineAndColumn() {
        let failure = error("<p>\n  {{#items}}\n<li>{{name}}</li>\n")
        #expect(failure?.description == "page:2:3: section 'items' is never closed")
    }

    @Test func mismatchedCloseIsReported() {
        #expect(error("{{#a}}x{{/b}}")?.description == "page:1:8: closing tag 'b' does not match open section 'a'")
        #expect(error("x{{/a}}")?.message == "closing tag 'a' has no open section")
    }

    @Test func unclosedTagAndEmptyTag() {
        #expect(error("ok\nab {{name")?.description == "page:2:4: unclosed tag: expected '}}'")
        #expect(error("{{{raw}}")?.message == "unclosed tag: expected '}}}'")
        #expect(error("{{ }}")?.message == "empty tag")
        #expect(error("{{a b}}")?.message == "invalid name 'a b' in tag")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(error("é{{#x}}")?.description == "page:1:2: section 'x' is never closed")
    }
}
