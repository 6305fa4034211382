/// A set of named templates, parsed once, that can include each other as partials.
///
/// ```swift
/// let library = try TemplateLibrary(["page": "<h1>{{title}}</h1>{{> footer}}", "footer": "<p>bye</p>"])
/// library.render("page", ["title": "Runs & more"])   // "<h1>Runs &amp; more</h1><p>bye</p>"
/// ```
public struct TemplateLibrary: Sendable {
    let templates: [String: [TemplateNode]]
    /// The sources, for partials that a standalone tag indents (re-parsed with the indentation).
    let sources: [String: String]

    /// Parses every template.
    /// - Throws: ``TemplateError`` naming the first template that does not parse, with line and column.
    public init(_ sources: [String: String]) throws(TemplateError) {
        var templates: [String: [TemplateNode]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            templates[name] = try TemplateParser.parse(source, name: name)
        }
        self.templates = templates
        self.sources = sources
    }

    public var names: [String] { templates.keys.sorted() }

    /// Renders template `name` with `context`; an unknown template or partial renders as nothing.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        var output = ""
        output.reserveCapacity(16 * 1024)
        render(name, context, into: &output)
        return output
    }

    /// Renders onto `output`, so a caller can pre-size one buffer for a large page.
    public func render(_ name: String, _ context: TemplateValue, into output: inout String) {
        guard let nodes = templates[name] else { return }
        var stack = [context]
        TemplateRenderer(library: self).render(nodes, &stack, &output)
    }
}
