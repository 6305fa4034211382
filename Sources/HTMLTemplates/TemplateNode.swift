/// A parsed template: text and tags, sections holding their children.
indirect enum TemplateNode: Sendable, Hashable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw). An empty path is `{{.}}`.
    case variable(path: [String], escaped: Bool)
    case section(path: [String], children: [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a standalone partial indents each of its lines like the tag.
    case partial(name: String, indentation: String)
}
