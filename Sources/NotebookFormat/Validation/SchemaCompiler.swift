/// Turns a draft 4 JSON Schema into a `JSONSchemaDocument`.
///
/// Keywords the validator does not check (`description`, `definitions`, `format`, `default`,
/// unknown ones) are left out, as jsonschema ignores them too. Only local references
/// (`#/definitions/...`) are resolved; one that points nowhere accepts every value.
struct SchemaCompiler {
    private let rootJSON: JSONValue
    private var pending: [String] = []
    private var registered: Set<String> = []

    private init(rootJSON: JSONValue) {
        self.rootJSON = rootJSON
    }

    static func compile(_ json: JSONValue) -> JSONSchemaDocument {
        var compiler = SchemaCompiler(rootJSON: json)
        let root = compiler.schema(json)
        // Every definition (and `misc/...` one level down), referenced or not: nbformat checks a
        // cell against `#/definitions/<cell_type>_cell` whatever the schema references.
        for definition in json.objectValue?["definitions"]?.objectValue ?? JSONObject() {
            let pointer = "#/definitions/" + escaped(definition.key)
            compiler.register(pointer)
            for member in definition.value.objectValue ?? JSONObject() where member.value.objectValue != nil {
                compiler.register(pointer + "/" + escaped(member.key))
            }
        }
        var references: [String: JSONSchema] = [:]
        while let reference = compiler.pending.popLast() {
            guard let target = compiler.resolve(reference) else { continue }
            references[reference] = compiler.schema(target)
        }
        return JSONSchemaDocument(root: root, references: references)
    }

    private mutating func register(_ reference: String) {
        if registered.insert(reference).inserted { pending.append(reference) }
    }

    private static func escaped(_ key: String) -> String {
        key.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// The JSON a local reference such as `#/definitions/misc/source` points to.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var value = rootJSON
        for component in JSONPath(pointer: String(reference.dropFirst())).components {
            switch (component, value) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return nil }
                value = next
            case (.index(let index), .object(let object)):
                guard let next = object[String(index)] else { return nil }
                value = next
            case (.index(let index), .array(let items)) where items.indices.contains(index):
                value = items[index]
            default:
                return nil
            }
        }
        return value
    }

    private mutating func schema(_ json: JSONValue) -> JSONSchema {
        guard case .object(let object) = json else { return JSONSchema(keywords: []) }
        if case .string(let target)? = object["$ref"] {
            register(target)
            return JSONSchema(keywords: [.reference(target)])
        }
        var keywords: [SchemaKeyword] = []
        for entry in object {
            if let keyword = keyword(entry.key, entry.value, in: object) { keywords.append(keyword) }
        }
        return JSONSchema(keywords: keywords)
    }

    private mutating func keyword(_ name: String, _ value: JSONValue, in object: JSONObject) -> SchemaKeyword? {
        switch name {
        case "type":
            if case .string(let type) = value { return .type([type]) }
            return value.arrayValue.map { .type($0.compactMap(\.stringValue)) }
        case "enum": return value.arrayValue.map { .enumeration($0) }
        case "required": return value.arrayValue.map { .required($0.compactMap(\.stringValue)) }
        case "properties": return value.objectValue.map { .properties(named($0)) }
        case "patternProperties": return value.objectValue.map { .patternProperties(named($0)) }
        case "additionalProperties": return additionalProperties(value, in: object)
        case "items":
            if let list = value.arrayValue { return .tupleItems(list.map { schema($0) }) }
            return .items(schema(value))
        case "additionalItems":
            guard let count = object["items"]?.arrayValue?.count else { return nil }
            if case .bool(let allowed) = value { return allowed ? nil : .additionalItems(nil, after: count) }
            return .additionalItems(schema(value), after: count)
        case "minimum", "maximum":
            guard case .number(let limit) = value else { return nil }
            let exclusive = object[name == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"] == .bool(true)
            return name == "minimum" ? .minimum(limit, exclusive: exclusive) : .maximum(limit, exclusive: exclusive)
        case "multipleOf":
            guard case .number(let divisor) = value else { return nil }
            return .multipleOf(divisor)
        case "minLength": return value.intValue.map { .minLength($0) }
        case "maxLength": return value.intValue.map { .maxLength($0) }
        case "minItems": return value.intValue.map { .minItems($0) }
        case "maxItems": return value.intValue.map { .maxItems($0) }
        case "minProperties": return value.intValue.map { .minProperties($0) }
        case "maxProperties": return value.intValue.map { .maxProperties($0) }
        case "pattern": return value.stringValue.map { .pattern($0) }
        case "uniqueItems": return value == .bool(true) ? .uniqueItems : nil
        case "dependencies": return value.objectValue.map { .dependencies(dependencies($0)) }
        case "allOf": return value.arrayValue.map { .allOf($0.map { schema($0) }) }
        case "anyOf": return value.arrayValue.map { .anyOf($0.map { quoted($0) }) }
        case "oneOf": return value.arrayValue.map { .oneOf($0.map { quoted($0) }) }
        case "not": return .not(quoted(value))
        default: return nil
        }
    }

    private mutating func named(_ object: JSONObject) -> [NamedSchema] {
        object.map { NamedSchema(name: $0.key, schema: schema($0.value)) }
    }

    private mutating func quoted(_ json: JSONValue) -> QuotedSchema {
        QuotedSchema(schema: schema(json), json: json)
    }

    private mutating func additionalProperties(_ value: JSONValue, in object: JSONObject) -> SchemaKeyword? {
        let declared = Set(object["properties"]?.objectValue?.keys ?? [])
        let patterns = object["patternProperties"]?.objectValue?.keys
        switch value {
        case .bool(true): return nil
        case .bool(false): return .additionalProperties(nil, declared: declared, patterns: patterns)
        case .object: return .additionalProperties(schema(value), declared: declared, patterns: patterns)
        default: return nil
        }
    }

    private mutating func dependencies(_ object: JSONObject) -> [SchemaDependency] {
        object.map { entry in
            if let list = entry.value.arrayValue {
                return SchemaDependency(property: entry.key, requires: list.compactMap(\.stringValue), schema: nil)
            }
            return SchemaDependency(property: entry.key, requires: [], schema: schema(entry.value))
        }
    }
}
