/// Turns Mustache source into nodes, removing the lines of standalone tags as the spec says:
/// a section, inverted, closing, comment or partial tag alone on its line (apart from spaces and
/// tabs) takes its whole line, newline included, out of the output.
struct TemplateParser {
    let name: String
    let bytes: [UInt8]

    enum Kind {
        case variable, raw, section, inverted, close, comment, partial

        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .comment, .partial: true
            case .variable, .raw: false
            }
        }
    }

    struct Tag {
        var kind: Kind
        var content: String
        /// The offset of `{{` and the offset just past the closing braces.
        var start: Int
        var end: Int
    }

    static func parse(_ source: String, name: String) throws(TemplateError) -> [TemplateNode] {
        try TemplateParser(name: name, bytes: Array(source.utf8)).parse()
    }

    func parse() throws(TemplateError) -> [TemplateNode] {
        let tags = try scanTags()
        // Open sections: the path, whether inverted, the nodes so far, the opening tag.
        var stack: [(path: [String], inverted: Bool, nodes: [TemplateNode], tag: Tag)] = []
        var nodes: [TemplateNode] = []
        var position = 0
        for tag in tags {
            var start = tag.start
            var end = tag.end
            var indentation = ""
            if tag.kind.canStandAlone, let bounds = standaloneBounds(of: tag) {
                indentation = String(decoding: bytes[bounds.lineStart..<tag.start], as: UTF8.self)
                start = bounds.lineStart
                end = bounds.lineEnd
            }
            if position < start { nodes.append(.text(String(decoding: bytes[position..<start], as: UTF8.self))) }
            position = end
            switch tag.kind {
            case .comment:
                continue
            case .variable, .raw:
                nodes.append(.variable(path: try path(tag), escaped: tag.kind == .variable))
            case .partial:
                nodes.append(.partial(name: tag.content, indentation: indentation))
            case .section, .inverted:
                stack.append((try path(tag), tag.kind == .inverted, nodes, tag))
                nodes = []
            case .close:
                guard let open = stack.popLast() else {
                    throw error(at: tag.start, "closing tag '\(tag.content)' has no open section")
                }
                guard open.tag.content == tag.content else {
                    throw error(at: tag.start, "closing tag '\(tag.content)' does not match open section '\(open.tag.content)'")
                }
                let section = TemplateNode.section(path: open.path, children: nodes, inverted: open.inverted)
                nodes = open.nodes + [section]
            }
        }
        if let open = stack.last { throw error(at: open.tag.start, "section '\(open.tag.content)' is never closed") }
        if position < bytes.count { nodes.append(.text(String(decoding: bytes[position...], as: UTF8.self))) }
        return nodes
    }

    func scanTags() throws(TemplateError) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        while let open = find([0x7B, 0x7B], from: index) {
            var contentStart = open + 2
            var closer: [UInt8] = [0x7D, 0x7D]
            var kind = Kind.variable
            if contentStart < bytes.count {
                switch bytes[contentStart] {
                case UInt8(ascii: "{"): kind = .raw; closer = [0x7D, 0x7D, 0x7D]
                case UInt8(ascii: "&"): kind = .raw
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "="): throw error(at: open, "set-delimiter tags are not supported")
                default: break
                }
                if kind != .variable { contentStart += 1 }
            }
            guard let close = find(closer, from: contentStart) else {
                throw error(at: open, "unclosed tag: expected '\(String(decoding: closer, as: UTF8.self))'")
            }
            let content = String(decoding: bytes[contentStart..<close], as: UTF8.self)
            let trimmed = trimmingWhitespace(content)
            if kind != .comment {
                guard !trimmed.isEmpty else { throw error(at: open, "empty tag") }
                guard !trimmed.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "{" || $0 == "}" }) else {
                    throw error(at: open, "invalid name '\(trimmed)' in tag")
                }
            }
            tags.append(Tag(kind: kind, content: trimmed, start: open, end: close + closer.count))
            index = close + closer.count
        }
        return tags
    }

    /// The line around `tag` when nothing but spaces and tabs share it.
    func standaloneBounds(of tag: Tag) -> (lineStart: Int, lineEnd: Int)? {
        var lineStart = tag.start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard bytes[lineStart..<tag.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        var lineEnd = tag.end
        while lineEnd < bytes.count, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 { lineEnd += 1 }
        if lineEnd == bytes.count { return (lineStart, lineEnd) }
        if bytes[lineEnd] == 0x0A { return (lineStart, lineEnd + 1) }
        if bytes[lineEnd] == 0x0D, lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == 0x0A { return (lineStart, lineEnd + 2) }
        return nil
    }

    func path(_ tag: Tag) throws(TemplateError) -> [String] {
        if tag.content == "." { return [] }
        let parts = tag.content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { throw error(at: tag.start, "invalid dotted name '\(tag.content)'") }
        return parts
    }

    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && (needle.count == 1 || bytes[(index + 1)..<(index + needle.count)].elementsEqual(needle[1...])) {
                return index
            }
            index += 1
        }
        return nil
    }

    func trimmingWhitespace(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// An error at a byte offset, reported as 1-based line and column (in characters).
    func error(at offset: Int, _ message: String) -> TemplateError {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TemplateError(template: name, line: line, column: column, message: message)
    }
}
