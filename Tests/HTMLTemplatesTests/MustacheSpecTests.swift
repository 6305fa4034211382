import HTMLTemplates
import Testing

/// Cases from the Mustache spec (interpolation.yml, sections.yml, inverted.yml, comments.yml,
/// partials.yml), expected outputs written by hand from the spec's text.
@Suite struct MustacheSpecTests {
    func render(_ template: String, _ data: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var sources = partials
        sources["test"] = template
        return try TemplateLibrary(sources).render("test", data)
    }

    @Test func noTagsPassThrough() throws {
        #expect(try render("Hello from {Mustache}!\n", [:]) == "Hello from {Mustache}!\n")
    }

    @Test func basicInterpolationEscapesHTML() throws {
        let data: TemplateValue = ["forbidden": "& \" < >"]
        #expect(try render("These characters should be HTML escaped: {{forbidden}}\n", data)
            == "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n")
        #expect(try render("These characters should not be HTML escaped: {{{forbidden}}}\n", data)
            == "These characters should not be HTML escaped: & \" < >\n")
        #expect(try render("These characters should not be HTML escaped: {{&forbidden}}\n", data)
            == "These characters should not be HTML escaped: & \" < >\n")
    }

    @Test func singleQuoteIsEscapedForAttributes() throws {
        #expect(try render("<a title='{{t}}'>", ["t": "it's"]) == "<a title='it&#39;s'>")
    }

    @Test func rawHTMLValueIsNeverEscaped() throws {
        #expect(try render("{{svg}}", ["svg": .html("<svg/>")]) == "<svg/>")
    }

    @Test func missingNamesRenderEmpty() throws {
        #expect(try render("I ({{cannot}}) be seen!", [:]) == "I () be seen!")
        #expect(try render("I ({{{cannot}}}) be seen!", [:]) == "I () be seen!")
    }

    @Test func dottedNames() throws {
        let data: TemplateValue = ["person": ["name": "Joe"]]
        #expect(try render("\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", data) == "\"Joe\" == \"Joe\"")
        let deep: TemplateValue = ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]]
        #expect(try render("\"{{a.b.c.d.e.name}}\" == \"Phil\"", deep) == "\"Phil\" == \"Phil\"")
        // A broken chain does not resolve against outer contexts.
        let broken: TemplateValue = ["a": ["b": [:]], "c": ["name": "Jim"]]
        #expect(try render("\"{{a.b.c.name}}\" == \"\"", broken) == "\"\" == \"\"")
        #expect(try render("\"{{a.b.c}}\" == \"\"", ["a": [:]]) == "\"\" == \"\"")
    }

    @Test func implicitIterator() throws {
        #expect(try render("Hello, {{.}}!\n", "world") == "Hello, world!\n")
        #expect(try render("\"{{#list}}({{.}}){{/list}}\"", ["list": ["a", "b", "c", "d", "e"]]) == "\"(a)(b)(c)(d)(e)\"")
    }

    @Test func interpolationPaddingAndStandaloneRules() throws {
        #expect(try render("|{{ string }}|", ["string": "---"]) == "|---|")
        #expect(try render("|{{& string }}|", ["string": "---"]) == "|---|")
        // Interpolation tags are never standalone.
        #expect(try render("  {{string}}\n", ["string": "---"]) == "  ---\n")
    }

    @Test func sectionsOverBoolsListsAndObjects() throws {
        #expect(try render("\"{{#boolean}}This should be rendered.{{/boolean}}\"", ["boolean": true])
            == "\"This should be rendered.\"")
        #expect(try render("\"{{#boolean}}This should not be rendered.{{/boolean}}\"", ["boolean": false]) == "\"\"")
        #expect(try render("\"{{#context}}Hi {{name}}.{{/context}}\"", ["context": ["name": "Joe"]]) == "\"Hi Joe.\"")
        let list: TemplateValue = ["list": [["item": "1"], ["item": "2"], ["item": "3"]]]
        #expect(try render("\"{{#list}}{{item}}{{/list}}\"", list) == "\"123\"")
        #expect(try render("\"{{#list}}Yay lists!{{/list}}\"", ["list": []]) == "\"\"")
        #expect(try render("[{{#missing}}Found key 'missing'!{{/missing}}]", [:]) == "[]")
    }

    @Test func sectionsSeeOuterContexts() throws {
        let data: TemplateValue = ["a": ["one": "1"], "b": ["two": "2"], "c": ["three": "3"]]
        let template = "{{#a}}\n{{one}}\n{{#b}}\n{{one}}{{two}}{{one}}\n{{#c}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{/c}}\n{{/b}}\n{{/a}}\n"
        #expect(try render(template, data) == "1\n121\n12321\n")
    }

    @Test func standaloneSectionLinesAreRemoved() throws {
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", ["boolean": true])
            == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", ["boolean": true])
            == "| This Is\n|\n| A Line\n")
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", ["boolean": true]) == "|\r\n|")
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", ["boolean": true]) == "#\n/")
        #expect(try render("#{{#boolean}}\n/\n  {{/boolean}}", ["boolean": true]) == "#\n/\n")
        // Not standalone: text shares the line.
        #expect(try render(" | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", ["boolean": true])
            == " |  \n  | \n")
    }

    @Test func invertedSections() throws {
        #expect(try render("\"{{^boolean}}This should be rendered.{{/boolean}}\"", ["boolean": false])
            == "\"This should be rendered.\"")
        #expect(try render("\"{{^boolean}}This should not be rendered.{{/boolean}}\"", ["boolean": true]) == "\"\"")
        #expect(try render("\"{{^list}}Yay lists!{{/list}}\"", ["list": []]) == "\"Yay lists!\"")
        #expect(try render("[{{^missing}}Found key 'missing'!{{/missing}}]", [:]) == "[Found key 'missing'!]")
        #expect(try render("| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", ["boolean": false])
            == "| This Is\n|\n| A Line\n")
    }

    @Test func comments() throws {
        #expect(try render("12345{{! Comment Block! }}67890", [:]) == "1234567890")
        #expect(try render("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", [:]) == "1234567890\n")
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n", [:]) == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", [:]) == "Begin.\nEnd.\n")
        #expect(try render("  12 {{! 34 }}\n", [:]) == "  12 \n")
        #expect(try render("!\n  {{! I'm Still Standalone }}", [:]) == "!\n")
    }

    @Test func partials() throws {
        #expect(try render("\"{{>text}}\"", [:], partials: ["text": "from partial"]) == "\"from partial\"")
        #expect(try render("\"{{>text}}\"", [:]) == "\"\"")
        #expect(try render("\"{{>partial}}\"", ["text": "content"], partials: ["partial": "*{{text}}*"]) == "\"*content*\"")
        #expect(try render("| {{>partial}} |", [:], partials: ["partial": "\t|\t"]) == "| \t|\t |")
        // A standalone partial indents every line of its output.
        #expect(try render("\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: ["partial": "|\n{{{content}}}\n|\n"])
            == "\\\n |\n <\n->\n |\n/\n")
    }

    @Test func nestedPartialsRecurseThroughData() throws {
        let data: TemplateValue = ["content": "X", "nodes": [["content": "Y", "nodes": []]]]
        let node = "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"
        #expect(try render("{{>node}}", data, partials: ["node": node]) == "X<Y<>>")
    }
}
