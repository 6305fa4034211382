import NotebookFormat
import Tracking

/// The JSON MLflow's server writes (`message_to_json` with int64 as numbers): snake_case names,
/// empty repeated fields omitted, doubles as Python's `repr`, non-finite doubles as proto3's
/// `"NaN"`, `"Infinity"` and `"-Infinity"` strings.
public enum Wire {
    public static func int64(_ value: Int64) -> JSONValue {
        .number(JSONNumber(literal: String(value)))
    }

    public static func double(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
        return .number(JSONNumber(double: value))
    }

    /// An object from ordered pairs, leaving out absent (nil) fields.
    public static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in pairs {
            if let value { object[key] = value }
        }
        return .object(object)
    }

    /// A repeated field: nil (omitted) when empty.
    public static func list(_ items: [JSONValue]) -> JSONValue? {
        items.isEmpty ? nil : .array(items)
    }

    /// A run as `runs/get` and `runs/search` return it; `runs/create` leaves out `outputs`.
    public static func run(_ run: Run, withOutputs: Bool = true) -> JSONValue {
        tree { $0.run(run, withOutputs: withOutputs) }
    }

    /// The tree of what `write` writes: ``WireWriter`` is the one encoder of MLflow's entities;
    /// `quire runs --json` takes them as values.
    static func tree(_ write: (inout WireWriter) -> Void) -> JSONValue {
        // The writer's output is JSON by construction.
        (try? JSONParser.parse(WireWriter.encode(write))) ?? .null
    }

    /// `{}`: the answer of every write that returns nothing.
    public static let empty = JSONValue.object(JSONObject())
}
