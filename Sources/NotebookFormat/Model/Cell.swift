/// A notebook cell, any nbformat version, as the JSON object it is. Multi-line fields may hold
/// a string or a list of lines; the accessors join them, the writer splits them as nbformat does.
public struct Cell: Sendable, Equatable {
    public var json: JSONObject

    public init(_ json: JSONObject) { self.json = json }

    public var cellType: String? { json["cell_type"]?.stringValue }
    public var isCode: Bool { cellType == "code" }

    public var id: String? {
        get { json["id"]?.stringValue }
        set { json["id"] = newValue.map(JSONValue.string) }
    }

    /// The source text: `source` in v4 (and v3 text cells), `input` in v3/v2 code cells.
    public var source: String {
        for key in ["source", "input"] {
            switch json[key] {
            case .string(let s)?: return s
            case .array(let lines)?: return lines.compactMap(\.stringValue).joined()
            default: continue
            }
        }
        return ""
    }

    public var metadata: JSONObject {
        get { json["metadata"]?.objectValue ?? JSONObject() }
        set { json["metadata"] = .object(newValue) }
    }

    /// Removes one metadata key; returns its value when it was there.
    @discardableResult
    public mutating func removeMetadata(_ key: String) -> JSONValue? {
        guard case .object(var m)? = json["metadata"], let old = m.removeValue(forKey: key) else { return nil }
        json["metadata"] = .object(m)
        return old
    }

    public var hasMetadata: Bool { json["metadata"]?.objectValue != nil }

    public var tags: [String] {
        (metadata["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    public var outputs: [JSONObject] {
        get { (json["outputs"]?.arrayValue ?? []).compactMap(\.objectValue) }
        set { json["outputs"] = .array(newValue.map(JSONValue.object)) }
    }
}
