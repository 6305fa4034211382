/// A JSON Schema (draft 4, the dialect of nbformat's schemas) compiled for validation.
///
/// The keywords keep the order the schema file lists them in, because jsonschema reports
/// errors in that order and nbformat shows the first one. A schema with `$ref` has only that
/// keyword: draft 4 ignores the siblings of `$ref`.
struct JSONSchema: Sendable {
    var keywords: [SchemaKeyword]

    /// The `$ref` target when the schema is only a reference.
    var reference: String? {
        if keywords.count == 1, case .reference(let target) = keywords[0] { return target }
        return nil
    }
}

/// A property name (or pattern) with the schema its value must match.
struct NamedSchema: Sendable {
    var name: String
    var schema: JSONSchema
}

/// A subschema kept with its JSON text, which some messages quote (`not`, `oneOf`).
struct QuotedSchema: Sendable {
    var schema: JSONSchema
    var json: JSONValue
}

indirect enum SchemaKeyword: Sendable {
    case reference(String)
    case type([String])
    case enumeration([JSONValue])
    case required([String])
    case properties([NamedSchema])
    case patternProperties([NamedSchema])
    /// `additionalProperties` that is `false` (nil) or a schema, with what its siblings declare
    /// (`patterns` is nil when there is no `patternProperties`).
    case additionalProperties(JSONSchema?, declared: Set<String>, patterns: [String]?)
    case items(JSONSchema)
    case tupleItems([JSONSchema])
    /// `additionalItems` next to a list of `items` schemas: `false` (nil) or a schema.
    case additionalItems(JSONSchema?, after: Int)
    case minimum(JSONNumber, exclusive: Bool)
    case maximum(JSONNumber, exclusive: Bool)
    case multipleOf(JSONNumber)
    case minLength(Int)
    case maxLength(Int)
    case minItems(Int)
    case maxItems(Int)
    case minProperties(Int)
    case maxProperties(Int)
    case pattern(String)
    case uniqueItems
    case dependencies([SchemaDependency])
    case allOf([JSONSchema])
    case anyOf([QuotedSchema])
    case oneOf([QuotedSchema])
    case not(QuotedSchema)
}

/// One entry of `dependencies`: other properties, or a schema, that a property brings along.
struct SchemaDependency: Sendable {
    var property: String
    var requires: [String]
    var schema: JSONSchema?
}

/// A compiled schema file: the root and every schema a `$ref` in it points to.
struct JSONSchemaDocument: Sendable {
    var root: JSONSchema
    /// `$ref` text (e.g. `#/definitions/cell`) → the schema it points to, for every `$ref` of
    /// the file and every definition.
    var references: [String: JSONSchema]
}
