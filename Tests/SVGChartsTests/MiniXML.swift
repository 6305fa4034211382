/// A strict little XML reader for the tests: it rejects unbalanced or mismatched tags, duplicate or unquoted
/// attributes, raw `<` in attribute values and unknown entities, and gives back a tree to query.
struct XMLElement {
    var name: String
    var attributes: [String: String]
    var children: [XMLElement]
    var text: String

    /// Every element in this subtree (itself first), depth first.
    var descendantsAndSelf: [XMLElement] { [self] + children.flatMap(\.descendantsAndSelf) }

    func all(_ name: String, class className: String? = nil) -> [XMLElement] {
        descendantsAndSelf.filter { element in
            element.name == name
                && (className.map { (element.attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) }
                    ?? true)
        }
    }

    /// The text content of this element and its descendants.
    var allText: String { text + children.map(\.allText).joined() }
}

struct XMLSyntaxError: Error, CustomStringConvertible {
    var description: String
}

enum MiniXML {
    static func parse(_ document: String) throws -> XMLElement {
        var reader = Reader(scalars: Array(document.unicodeScalars))
        reader.skipProlog()
        guard let root = try reader.element() else { throw XMLSyntaxError(description: "no root element") }
        reader.skipWhitespace()
        guard reader.isAtEnd else { throw XMLSyntaxError(description: "content after the root element") }
        return root
    }

    private struct Reader {
        var scalars: [Unicode.Scalar]
        var position = 0

        var isAtEnd: Bool { position >= scalars.count }

        func peek(_ text: String) -> Bool {
            let wanted = Array(text.unicodeScalars)
            return position + wanted.count <= scalars.count
                && Array(scalars[position..<(position + wanted.count)]) == wanted
        }

        mutating func skipWhitespace() {
            while !isAtEnd, [" ", "\n", "\t", "\r"].contains(scalars[position]) { position += 1 }
        }

        mutating func skipProlog() {
            skipWhitespace()
            if peek("<?"), let end = find("?>") { position = end + 2 }
            skipWhitespace()
        }

        func find(_ text: String) -> Int? {
            var index = position
            let wanted = Array(text.unicodeScalars)
            while index + wanted.count <= scalars.count {
                if Array(scalars[index..<(index + wanted.count)]) == wanted { return index }
                index += 1
            }
            return nil
        }

        mutating func name() throws -> String {
            var result = ""
            let punctuation = "0123456789-_:.".unicodeScalars
            while !isAtEnd, scalars[position].properties.isAlphabetic || punctuation.contains(scalars[position]) {
                result.unicodeScalars.append(scalars[position])
                position += 1
            }
            guard !result.isEmpty else { throw XMLSyntaxError(description: "expected a name at \(position)") }
            return result
        }

        mutating func element() throws -> XMLElement? {
            guard peek("<") else { return nil }
            position += 1
            var element = XMLElement(name: try name(), attributes: [:], children: [], text: "")
            while true {
                skipWhitespace()
                guard !isAtEnd else { throw XMLSyntaxError(description: "unterminated <\(element.name)>") }
                if peek("/>") {
                    position += 2
                    return element
                }
                if peek(">") {
                    position += 1
                    break
                }
                let attribute = try name()
                guard peek("=") else { throw XMLSyntaxError(description: "attribute \(attribute) without value") }
                position += 1
                guard !isAtEnd, scalars[position] == "\"" || scalars[position] == "'" else {
                    throw XMLSyntaxError(description: "unquoted attribute \(attribute)")
                }
                let quote = scalars[position]
                position += 1
                var raw = ""
                while !isAtEnd, scalars[position] != quote {
                    guard scalars[position] != "<" else { throw XMLSyntaxError(description: "raw < in \(attribute)") }
                    raw.unicodeScalars.append(scalars[position])
                    position += 1
                }
                guard !isAtEnd else { throw XMLSyntaxError(description: "unterminated attribute \(attribute)") }
                position += 1
                guard element.attributes[attribute] == nil else {
                    throw XMLSyntaxError(description: "duplicate attribute \(attribute)")
                }
                element.attributes[attribute] = try decodeEntities(raw)
            }
            while true {
                guard !isAtEnd else { throw XMLSyntaxError(description: "unclosed <\(element.name)>") }
                if peek("</") {
                    position += 2
                    let closing = try name()
                    guard closing == element.name else {
                        throw XMLSyntaxError(description: "</\(closing)> closes <\(element.name)>")
                    }
                    skipWhitespace()
                    guard peek(">") else { throw XMLSyntaxError(description: "bad closing tag \(closing)") }
                    position += 1
                    return element
                }
                if peek("<!--"), let end = find("-->") {
                    position = end + 3
                } else if let child = try self.element() {
                    element.children.append(child)
                } else {
                    var raw = ""
                    while !isAtEnd, scalars[position] != "<" {
                        raw.unicodeScalars.append(scalars[position])
                        position += 1
                    }
                    element.text += try decodeEntities(raw)
                }
            }
        }

        func decodeEntities(_ raw: String) throws -> String {
            var result = ""
            var rest = Substring(raw)
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                    throw XMLSyntaxError(description: "bare & in \(raw)")
                }
                let entity = rest[rest.index(after: ampersand)..<semicolon]
                switch entity {
                case "amp": result += "&"
                case "lt": result += "<"
                case "gt": result += ">"
                case "quot": result += "\""
                case "apos": result += "'"
                default:
                    let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                        : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                    guard let number, let scalar = Unicode.Scalar(number) else {
                        throw XMLSyntaxError(description: "unknown entity &\(entity);")
                    }
                    result.unicodeScalars.append(scalar)
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return result + rest
        }
    }
}
