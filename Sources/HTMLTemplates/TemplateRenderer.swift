import MarkupEscaping

/// Walks parsed nodes against a stack of contexts (innermost last).
struct TemplateRenderer {
    let library: TemplateLibrary

    func render(_ nodes: [TemplateNode], _ stack: inout [TemplateValue], _ output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                switch value {
                case .string(let text): escaped ? MarkupEscaping.append(text, to: &output) : (output += text)
                case .html(let markup): output += markup
                case .bool(let flag): output += flag ? "true" : "false"
                case .list, .object: continue
                }
            case .section(let path, let children, let inverted):
                let value = lookup(path, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, &stack, &output) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children, &stack, &output)
                        stack.removeLast()
                    }
                case .bool:
                    render(children, &stack, &output)
                case .string, .html, .object:
                    stack.append(value)
                    render(children, &stack, &output)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard let nodes = library.templates[name] else { continue }
                if indentation.isEmpty {
                    render(nodes, &stack, &output)
                } else if let source = library.sources[name],
                    let indented = try? TemplateParser.parse(Self.indent(source, by: indentation), name: name)
                {
                    // The spec indents the partial's own lines, not what its tags interpolate.
                    render(indented, &stack, &output)
                }
            }
        }
    }

    /// The first context holding the path's first name, then down the dots; a broken chain is nil.
    func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        for context in stack.reversed() {
            guard case .object(let fields) = context, var value = fields[first] else { continue }
            for name in path.dropFirst() {
                guard let next = value[name] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// Prefixes every line of `text` (but not an empty last one) with `indentation`.
    static func indent(_ text: String, by indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for character in text {
            if atLineStart { result += indentation }
            result.append(character)
            atLineStart = character == "\n" || character == "\r\n"
        }
        return result
    }
}
