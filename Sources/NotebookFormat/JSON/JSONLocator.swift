/// A place in JSON text. Line and column are 1-based; the column counts characters (as
/// `JSONParseError` does), the offset counts bytes.
public struct JSONLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var offset: Int
}

/// Finds where values are in the original bytes of a JSON document, for error messages.
///
/// It walks the text once for any number of paths, descending only into the values on those
/// paths and skipping the rest, so it costs one scan of the file. The text is expected to be JSON
/// that `JSONParser` accepted; on anything else it stops and reports what it found so far.
public enum JSONLocator {
    /// For each path, the location of its value; when the path does not exist (a missing
    /// required key, say), the location of the deepest value on the way to it. A duplicate key
    /// resolves to its last occurrence, as in `JSONParser`.
    public static func locate(_ paths: [JSONPath], in bytes: [UInt8]) -> [JSONLocation] {
        var trie = PathTrie()
        for path in paths { trie.insert(path) }
        var scanner = LocatorScanner(bytes: bytes, trie: trie)
        scanner.scanDocument()
        let offsets = paths.map { path in
            trie.nodes(along: path).compactMap { scanner.offsets[$0] }.last ?? 0
        }
        return lineAndColumn(of: offsets, in: bytes)
    }

    /// Converts byte offsets to lines and columns in one pass over the text.
    static func lineAndColumn(of offsets: [Int], in bytes: [UInt8]) -> [JSONLocation] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = [JSONLocation](repeating: JSONLocation(line: 1, column: 1, offset: 0), count: offsets.count)
        var line = 1
        var column = 1
        var position = 0
        for index in order {
            let target = min(offsets[index], bytes.count)
            while position < target {
                let byte = bytes[position]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                position += 1
            }
            result[index] = JSONLocation(line: line, column: column, offset: offsets[index])
        }
        return result
    }
}

/// The requested paths as a tree, so that one walk serves all of them.
struct PathTrie {
    struct Node {
        var children: [JSONPath.Component: Int] = [:]
    }

    private(set) var nodes = [Node()]

    mutating func insert(_ path: JSONPath) {
        var node = 0
        for component in path.components {
            if let next = nodes[node].children[component] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[component] = nodes.count - 1
                node = nodes.count - 1
            }
        }
    }

    /// The nodes from the root along `path`.
    func nodes(along path: JSONPath) -> [Int] {
        var result = [0]
        var node = 0
        for component in path.components {
            guard let next = nodes[node].children[component] else { break }
            result.append(next)
            node = next
        }
        return result
    }

    /// The child for an object member named `key` (a key made of digits also matches an index).
    func child(of node: Int, key: String) -> Int? {
        let children = nodes[node].children
        if let next = children[.key(key)] { return next }
        if let index = Int(key), key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return children[.index(index)] }
        return nil
    }

    /// The child for array element `index` (a key made of digits also matches).
    func child(of node: Int, index: Int) -> Int? {
        nodes[node].children[.index(index)] ?? nodes[node].children[.key(String(index))]
    }

    func hasChildren(_ node: Int) -> Bool { !nodes[node].children.isEmpty }
}

/// Walks JSON text along the paths of a `PathTrie`, recording where each value starts.
struct LocatorScanner {
    let bytes: [UInt8]
    let trie: PathTrie
    private var position = 0
    /// Trie node → byte offset of its value.
    private(set) var offsets: [Int: Int] = [:]

    init(bytes: [UInt8], trie: PathTrie) {
        self.bytes = bytes
        self.trie = trie
    }

    mutating func scanDocument() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        skipWhitespace()
        _ = scanValue(node: 0)
    }

    /// Records the value's offset, then descends into it when a requested path goes on.
    private mutating func scanValue(node: Int) -> Bool {
        guard position < bytes.count else { return false }
        offsets[node] = position
        guard trie.hasChildren(node) else { return skipValue() }
        switch bytes[position] {
        case UInt8(ascii: "{"): return scanObject(node: node)
        case UInt8(ascii: "["): return scanArray(node: node)
        default: return skipValue()
        }
    }

    private mutating func scanObject(node: Int) -> Bool {
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return true
        }
        while true {
            skipWhitespace()
            guard let key = readString() else { return false }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
            position += 1
            skipWhitespace()
            let ok = trie.child(of: node, key: key).map { scanValue(node: $0) } ?? skipValue()
            guard ok, let next = nextSeparator(closing: UInt8(ascii: "}")) else { return false }
            if !next { return true }
        }
    }

    private mutating func scanArray(node: Int) -> Bool {
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return true
        }
        var index = 0
        while true {
            skipWhitespace()
            let ok = trie.child(of: node, index: index).map { scanValue(node: $0) } ?? skipValue()
            guard ok, let next = nextSeparator(closing: UInt8(ascii: "]")) else { return false }
            if !next { return true }
            index += 1
        }
    }

    /// After a member: true for `,` (more follow), false for the closing bracket, nil otherwise.
    private mutating func nextSeparator(closing: UInt8) -> Bool? {
        skipWhitespace()
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: ",") { return true }
        return byte == closing ? false : nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    /// Skips one value of any kind without looking inside it.
    private mutating func skipValue() -> Bool {
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                position += 1
            } while depth > 0 && position < bytes.count
            return depth == 0
        default:
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return true
                default: position += 1
                }
            }
            return true
        }
    }

    private mutating func skipString() -> Bool {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""):
                position += 1
                return true
            default: position += 1
            }
        }
        return false
    }

    /// Reads a string token (an object key) with its escapes decoded.
    private mutating func readString() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        guard skipString() else { return nil }
        let raw = bytes[start..<position - 1]
        if !raw.contains(UInt8(ascii: "\\")) { return String(decoding: raw, as: UTF8.self) }
        return try? JSONParser.parse(Array(bytes[start - 1..<position])).stringValue
    }
}
