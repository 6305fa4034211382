/// nbformat's JSON schemas (v3 and v4.0–v4.5), embedded in the binary from
/// `Validation/Schemas` and each parsed the first time a notebook needs it.
enum NotebookSchemas {
    enum Selection {
        case schema(JSONSchemaDocument)
        /// nbformat has no schema for this version; the text is its message.
        case none(String)
    }

    /// The schema nbformat's `validate` uses for a notebook of this version. `minor` is the
    /// file's `nbformat_minor` (missing means 0). A v4 minor newer than 5 gets the 4.5 schema with
    /// every `additionalProperties` relaxed and unknown cell and output types allowed.
    static func schema(major: Int, minor: JSONValue?) -> Selection {
        let minorNumber: Int?
        switch minor {
        case nil: minorNumber = 0
        case .bool(let b)?: minorNumber = b ? 1 : 0  // Python's True == 1
        case let value?: minorNumber = value.intValue
        }
        switch (major, minorNumber) {
        case (3, _): return .schema(v3)
        case (4, nil): return .schema(v4_5)  // a minor that is not an integer; the schema says so
        case (4, 0?): return .schema(v4_0)
        case (4, 1?): return .schema(v4_1)
        case (4, 2?): return .schema(v4_2)
        case (4, 3?): return .schema(v4_3)
        case (4, 4?): return .schema(v4_4)
        case (4, 5?): return .schema(v4_5)
        case (4, let newer?) where newer > 5: return .schema(v4Future)
        default:
            let minorText = minor.map { $0.pythonRepr(limit: 40) } ?? "0"
            return .none("No schema for validating v\(major).\(minorText) notebooks")
        }
    }

    private static let v3 = load(PackageResources.nbformat_v3_schema_json)
    private static let v4_0 = load(PackageResources.nbformat_v4_0_schema_json)
    private static let v4_1 = load(PackageResources.nbformat_v4_1_schema_json)
    private static let v4_2 = load(PackageResources.nbformat_v4_2_schema_json)
    private static let v4_3 = load(PackageResources.nbformat_v4_3_schema_json)
    private static let v4_4 = load(PackageResources.nbformat_v4_4_schema_json)
    private static let v4_5 = load(PackageResources.nbformat_v4_5_schema_json)
    private static let v4Future = load(PackageResources.nbformat_v4_5_schema_json, relaxed: true)

    static func load(_ bytes: [UInt8], relaxed: Bool = false) -> JSONSchemaDocument {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            preconditionFailure("an embedded nbformat schema is not JSON: \(error)")
        }
        return SchemaCompiler.compile(relaxed ? allowingFutureFields(json) : json)
    }

    /// nbformat's `_relax_additional_properties` and `_allow_undefined`.
    static func allowingFutureFields(_ schema: JSONValue) -> JSONValue {
        guard case .object(var root) = relaxingAdditionalProperties(schema) else { return schema }
        root.modify("definitions") { definitions in
            guard case .object(var object) = definitions else { return }
            for (name, fallback) in [("cell", "unrecognized_cell"), ("output", "unrecognized_output")] {
                object.modify(name) { definition in
                    guard case .object(var body) = definition, case .array(var branches)? = body["oneOf"] else { return }
                    branches.append(.object(JSONObject(["$ref": .string("#/definitions/" + fallback)])))
                    body["oneOf"] = .array(branches)
                    definition = .object(body)
                }
            }
            definitions = .object(object)
        }
        return .object(root)
    }

    /// Every `additionalProperties`, at any depth, becomes `true`.
    static func relaxingAdditionalProperties(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            for key in object.keys {
                object.modify(key) { member in
                    member = key == "additionalProperties" ? .bool(true) : relaxingAdditionalProperties(member)
                }
            }
            return .object(object)
        case .array(let items):
            return .array(items.map(relaxingAdditionalProperties))
        default:
            return value
        }
    }
}
