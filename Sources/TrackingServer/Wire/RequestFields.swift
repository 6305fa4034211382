import NotebookFormat
import TrackingUI

/// The fields of an API request — a POST's JSON object or a GET's query string — read with
/// proto3 JSON's leniency: int64 fields as numbers or strings, doubles as numbers or
/// `"NaN"`/`"Infinity"`/`"-Infinity"`, a repeated field as an array or repeated query keys.
/// A field of the wrong type is a 400 naming the field; `null` counts as absent.
struct RequestFields: Sendable {
    var object: JSONObject
    /// The size of the JSON body it came from (MLflow limits `log-batch` requests by it).
    var byteCount = 0

    init(_ object: JSONObject) {
        self.object = object
    }

    /// Parses a JSON request body; an empty body is an empty request, as in MLflow.
    init(jsonBody bytes: [UInt8]) throws(APIError) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self.init(JSONObject())
            return
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .badRequest("Malformed JSON in the request body: \(error.description)")
        }
        guard case .object(let object) = value else {
            throw .badRequest("The request body must be a JSON object, not \(value.typeName).")
        }
        self.init(object)
    }

    /// Reads a query string; a name given twice becomes an array (`experiment_ids=1&experiment_ids=2`).
    init(query: String?) throws(APIError) {
        guard let pairs = URLEncoding.queryPairs(query) else {
            throw .badRequest("Malformed percent-encoding in the query string.")
        }
        var object = JSONObject()
        for (name, value) in pairs {
            switch object[name] {
            case nil: object[name] = .string(value)
            case .array(let items)?: object[name] = .array(items + [.string(value)])
            case let first?: object[name] = .array([first, .string(value)])
            }
        }
        self.init(object)
    }

    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(APIError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw Self.wrongType(key, value, "a string") }
        return text
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        guard let text = try string(key) else { throw .missing(key) }
        return text
    }

    /// `run_id`, or the legacy `run_uuid` the client still sends.
    func runId() throws(APIError) -> String {
        if let id = try string("run_id"), !id.isEmpty { return id }
        if let id = try string("run_uuid"), !id.isEmpty { return id }
        throw .missing("run_id")
    }

    func int64(_ key: String) throws(APIError) -> Int64? {
        guard let value = value(key) else { return nil }
        switch value {
        case .number(let number) where number.isInteger:
            if let int = Int64(number.literal) { return int }
        case .string(let text):
            if let int = Int64(text) { return int }
        default:
            break
        }
        throw Self.wrongType(key, value, "an integer")
    }

    func int(_ key: String) throws(APIError) -> Int? {
        guard let value = try int64(key) else { return nil }
        guard let int = Int(exactly: value), int >= Int(Int32.min), int <= Int(Int32.max) else {
            throw Self.wrongType(key, .string(String(value)), "a 32-bit integer")
        }
        return int
    }

    func double(_ key: String) throws(APIError) -> Double? {
        guard let value = value(key) else { return nil }
        switch value {
        case .number(let number):
            return number.doubleValue
        case .string(let text):
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: if let double = Double(text), !text.isEmpty { return double }
            }
        default:
            break
        }
        throw Self.wrongType(key, value, "a number")
    }

    /// A repeated string field; a single string (one query parameter) is a list of one.
    func strings(_ key: String) throws(APIError) -> [String] {
        guard let value = value(key) else { return [] }
        switch value {
        case .string(let text): return [text]
        case .array(let items):
            return try items.map { item throws(APIError) in
                guard case .string(let text) = item else { throw Self.wrongType(key, value, "a list of strings") }
                return text
            }
        default: throw Self.wrongType(key, value, "a list of strings")
        }
    }

    /// A repeated message field, each element read with the same rules.
    func objects(_ key: String) throws(APIError) -> [RequestFields] {
        guard let value = value(key) else { return [] }
        guard case .array(let items) = value else { throw Self.wrongType(key, value, "a list of objects") }
        return try items.map { item throws(APIError) in
            guard case .object(let object) = item else { throw Self.wrongType(key, value, "a list of objects") }
            return RequestFields(object)
        }
    }

    private static func wrongType(_ key: String, _ value: JSONValue, _ expected: String) -> APIError {
        var text = JSONWriter(indent: nil, sortKeys: false).string(value)
        if text.count > 100 { text = String(text.prefix(100)) + "…" }
        return .wrongType(key, text, expected: expected)
    }
}
