import NotebookFormat

/// Writes compact JSON straight into bytes, for answers too big to build as a `JSONValue` tree
/// first (a search returns thousands of runs). Fields come in the order they are written.
///
/// ```swift
/// var writer = WireWriter()
/// writer.object { $0.field("experiment_id"); $0.string("1") }   // {"experiment_id":"1"}
/// ```
public struct WireWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next field or element needs a comma before it.
    private var afterValue = false
    private static let strings = JSONWriter(indent: nil, sortKeys: false)

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes of whatever `write` writes.
    public static func encode(capacity: Int = 256, _ write: (inout WireWriter) -> Void) -> [UInt8] {
        var writer = WireWriter(capacity: capacity)
        write(&writer)
        return writer.bytes
    }

    public mutating func object(_ body: (inout WireWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout WireWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts a field of the current object; its value comes next.
    public mutating func field(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        afterValue = false
    }

    public mutating func string(_ value: String) {
        separate()
        Self.strings.writeString(value, into: &bytes)
        afterValue = true
    }

    public mutating func int64(_ value: Int64) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let digitsStart = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[digitsStart...].reverse()
        afterValue = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        afterValue = true
    }

    /// A double as MLflow writes it: Python's `repr`, non-finite values as proto3's strings.
    public mutating func double(_ value: Double) {
        if value.isNaN { return string("NaN") }
        if value.isInfinite { return string(value < 0 ? "-Infinity" : "Infinity") }
        separate()
        bytes.append(contentsOf: JSONNumber(double: value).literal.utf8)
        afterValue = true
    }

    /// A value built as a tree, for the small parts of an answer.
    public mutating func value(_ value: JSONValue) {
        separate()
        bytes.append(contentsOf: Self.strings.bytes(value))
        afterValue = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        afterValue = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        afterValue = true
    }

    private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
    }
}
