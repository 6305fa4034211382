import MarkupEscaping

/// A small, safe Markdown renderer for run notes: headings, paragraphs, emphasis, inline and
/// fenced code, lists and links (http, https and mailto only). Everything else, raw HTML
/// included, comes out escaped: no markup from the note ever reaches the page.
enum Markdown {
    static func html(_ source: String) -> String {
        var output = ""
        var paragraph: [Substring] = []
        var list: (ordered: Bool, items: [Substring])?
        var fence: (marker: Substring, lines: [Substring])?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output += "<p>" + inline(paragraph.joined(separator: "\n")) + "</p>\n"
            paragraph = []
        }
        func flushList() {
            guard let current = list else { return }
            let tag = current.ordered ? "ol" : "ul"
            output += "<\(tag)>" + current.items.map { "<li>" + inline(String($0)) + "</li>" }.joined() + "</\(tag)>\n"
            list = nil
        }

        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(trimmingCarriageReturn) {
            if let open = fence {
                if line.trimmingLeadingSpaces().hasPrefix(open.marker) {
                    output += "<pre><code>" + MarkupEscaping.escape(open.lines.joined(separator: "\n")) + "</code></pre>\n"
                    fence = nil
                } else {
                    fence?.lines.append(line)
                }
                continue
            }
            let trimmed = line.trimmingLeadingSpaces()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph()
                flushList()
                fence = (trimmed.prefix(3), [])
            } else if trimmed.isEmpty {
                flushParagraph()
                flushList()
            } else if let (level, text) = heading(trimmed) {
                flushParagraph()
                flushList()
                output += "<h\(level)>" + inline(String(text)) + "</h\(level)>\n"
            } else if let (ordered, text) = listItem(trimmed) {
                flushParagraph()
                if let current = list, current.ordered != ordered { flushList() }
                if list == nil { list = (ordered, []) }
                list?.items.append(text)
            } else if var current = list, let last = current.items.indices.last, line.first == " " {
                // A continuation line of the last list item.
                current.items[last] += " " + trimmed
                list = current
            } else {
                flushList()
                paragraph.append(trimmed)
            }
        }
        if let open = fence {
            output += "<pre><code>" + MarkupEscaping.escape(open.lines.joined(separator: "\n")) + "</code></pre>\n"
        }
        flushParagraph()
        flushList()
        return output
    }

    private static func trimmingCarriageReturn(_ line: Substring) -> Substring {
        line.last == "\r" ? line.dropLast() : line
    }

    /// `## Title` → (2, "Title"); the headings of notes start at `<h3>` at most deep as h6.
    private static func heading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (min(6, hashes + 2), rest.trimmingLeadingSpaces())
    }

    private static func listItem(_ line: Substring) -> (Bool, Substring)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, line.dropFirst(2).trimmingLeadingSpaces())
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if (rest.first == "." || rest.first == ")"), rest.dropFirst().first == " " {
                return (true, rest.dropFirst(2).trimmingLeadingSpaces())
            }
        }
        return nil
    }

    /// Inline markup: `code`, **strong**, *em* / _em_, [text](url); the rest escaped.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        func closing(_ marker: [Character], from start: Int) -> Int? {
            var position = start
            while position + marker.count <= characters.count {
                if Array(characters[position..<(position + marker.count)]) == marker,
                    marker.first != "_" || !isWordOrUnderscore(at: position + marker.count) && !isUnderscore(at: position - 1)
                {
                    return position
                }
                position += 1
            }
            return nil
        }
        // As in CommonMark, `_` and `__` never open or close emphasis inside a word or a longer run
        // of underscores (snake_case, `window.__x`).
        func isUnderscore(at position: Int) -> Bool {
            characters.indices.contains(position) && characters[position] == "_"
        }
        func isWordOrUnderscore(at position: Int) -> Bool {
            characters.indices.contains(position)
                && (characters[position].isLetter || characters[position].isNumber || characters[position] == "_")
        }
        func mayOpen(_ character: Character) -> Bool {
            character == "*" || (character == "_" && !isWordOrUnderscore(at: index - 1))
        }
        while index < characters.count {
            let character = characters[index]
            if character == "`", let end = closing(["`"], from: index + 1) {
                output += "<code>" + MarkupEscaping.escape(String(characters[(index + 1)..<end])) + "</code>"
                index = end + 1
            } else if mayOpen(character),
                index + 1 < characters.count, characters[index + 1] == character,
                let end = closing([character, character], from: index + 2), end > index + 2
            {
                output += "<strong>" + inline(String(characters[(index + 2)..<end])) + "</strong>"
                index = end + 2
            } else if mayOpen(character),
                index + 1 < characters.count, characters[index + 1] != " ",
                let end = closing([character], from: index + 1), end > index + 1
            {
                output += "<em>" + inline(String(characters[(index + 1)..<end])) + "</em>"
                index = end + 1
            } else if character == "[", let middle = closing(["]", "("], from: index + 1),
                let end = closing([")"], from: middle + 2)
            {
                let label = String(characters[(index + 1)..<middle])
                let target = String(characters[(middle + 2)..<end])
                if isSafeLink(target) {
                    output += "<a href=\"" + MarkupEscaping.escape(target) + "\" rel=\"nofollow noopener noreferrer\">"
                        + inline(label) + "</a>"
                } else {
                    output += inline(label) + " (" + MarkupEscaping.escape(target) + ")"
                }
                index = end + 1
            } else {
                MarkupEscaping.append(String(character), to: &output)
                index += 1
            }
        }
        return output
    }

    /// Only absolute http(s) and mailto links: no `javascript:`, `data:` or relative tricks.
    static func isSafeLink(_ target: String) -> Bool {
        let lowered = target.lowercased()
        guard !target.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return false }
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:")
    }
}

extension Substring {
    func trimmingLeadingSpaces() -> Substring { drop { $0 == " " || $0 == "\t" } }
}
