/// A place inside a JSON document: the object keys and array indices that lead to a value.
///
/// It is written as a JSON Pointer (RFC 6901: `/cells/3/id`, with `~` and `/` inside keys written
/// `~0` and `~1`), except that the document itself is written `/` so that it shows in messages.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Reads a JSON Pointer such as `/cells/3/metadata`. Segments made of digits become indices;
    /// `JSONLocator` also accepts them as keys of an object.
    public init(pointer: String) {
        components = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { segment in
            let key = String(segment).replacing("~1", with: "/").replacing("~0", with: "~")
            if !key.isEmpty, key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let index = Int(key) {
                return .index(index)
            }
            return .key(key)
        }
        if components == [.key("")] { components = [] }
    }

    public var isRoot: Bool { components.isEmpty }

    public func appending(_ component: Component) -> JSONPath {
        JSONPath(components + [component])
    }

    /// The JSON Pointer, with `/` for the document itself.
    public var pointer: String {
        if components.isEmpty { return "/" }
        var text = ""
        for component in components {
            text.append("/")
            switch component {
            case .key(let key): text.append(key.replacing("~", with: "~0").replacing("/", with: "~1"))
            case .index(let index): text.append(String(index))
            }
        }
        return text
    }

    public var description: String { pointer }
}
