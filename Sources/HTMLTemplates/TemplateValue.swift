/// What a template renders: strings (escaped by `{{x}}`), raw HTML, booleans, lists and objects.
///
/// Sections treat `false`, an empty list and an empty string as absent, like a missing key.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    /// Markup produced by trusted code (a chart, rendered Markdown): never escaped.
    case html(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// Whether a section `{{#x}}` shows (and `{{^x}}` hides).
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .string(let text), .html(let text): !text.isEmpty
        case .object: true
        }
    }

    /// The value of `key` in an object; nil for other values.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
