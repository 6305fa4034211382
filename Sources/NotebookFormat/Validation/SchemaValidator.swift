/// One way a value breaks a schema: where, and jsonschema's message for it.
public struct SchemaViolation: Sendable, Equatable {
    public var path: JSONPath
    public var message: String
    /// nbformat's `better_validation_error` raises a `TypeError` on this error (a `oneOf` over
    /// an object whose `cell_type` is not a string), so `nbformat.reads` fails for the file.
    var breaksNbformat = false
}

/// Checks JSON values against a compiled schema as jsonschema's `Draft4Validator` does:
/// `1.0` is a number but not an integer, `true` is not a number, `1` and `1.0` are equal,
/// patterns are searched with Python's `re` semantics, and errors come in the order of the
/// schema's keywords.
///
/// Where a `oneOf` or `anyOf` fails for an object with a `cell_type` or `output_type`, the
/// errors reported are those of the branch for that type (`code_cell`, `stream`, ...), which is
/// what nbformat's `better_validation_error` shows, instead of one line per failing branch.
struct SchemaValidator {
    /// Messages quote at most this many bytes of a value.
    static let quoteLimit = 1000

    let document: JSONSchemaDocument
    /// The form of a cell or output that the "not valid under any" message quotes (nbformat
    /// quotes cells with their lines joined).
    var messageForm: (JSONValue, [JSONPath.Component]) -> JSONValue = { value, _ in value }
    private var patterns = PythonPatterns()
    private var path: [JSONPath.Component] = []
    private var depth = 0
    /// Definitions being checked in place of a failed `oneOf`, by path: a value that points back
    /// to the definition it is in (an output whose `output_type` is `output`) stops there.
    private var selections: Set<String> = []

    init(document: JSONSchemaDocument) {
        self.document = document
    }

    /// Every violation, in the order jsonschema finds them.
    mutating func violations(of value: JSONValue) -> [SchemaViolation] {
        var sink = Sink(detailed: true)
        check(value, against: document.root, into: &sink)
        return sink.violations
    }

    /// Whether `value` matches `schema`; stops at the first problem.
    mutating func isValid(_ value: JSONValue, against schema: JSONSchema) -> Bool {
        var sink = Sink(detailed: false)
        check(value, against: schema, into: &sink)
        return !sink.failed
    }

    /// Collects violations, or (when not detailed) only notes that there is one.
    struct Sink {
        let detailed: Bool
        var violations: [SchemaViolation] = []
        var failed = false
        var isDone: Bool { failed && !detailed }
    }

    mutating func check(_ value: JSONValue, against schema: JSONSchema, into sink: inout Sink) {
        for keyword in schema.keywords {
            apply(keyword, to: value, into: &sink)
            if sink.isDone { return }
        }
    }

    func report(_ sink: inout Sink, _ message: @autoclosure () -> String) {
        sink.failed = true
        if sink.detailed { sink.violations.append(SchemaViolation(path: JSONPath(path), message: message())) }
    }

    /// Checks a member or element of the current value.
    mutating func descend(_ value: JSONValue, _ component: JSONPath.Component, _ schema: JSONSchema, into sink: inout Sink) {
        path.append(component)
        check(value, against: schema, into: &sink)
        path.removeLast()
    }

    func quote(_ value: JSONValue) -> String { value.pythonRepr(limit: Self.quoteLimit) }

    mutating func patternMatches(_ pattern: String, _ text: String) -> Bool {
        patterns.search(pattern, in: text)
    }

    // MARK: References and combinations

    mutating func followReference(_ target: String, _ value: JSONValue, into sink: inout Sink) {
        // A reference that points nowhere accepts everything; a loop of references that never
        // reaches a keyword (which no nbformat schema has) is cut off instead of recursing forever.
        guard let schema = document.references[target], depth < 256 else { return }
        depth += 1
        check(value, against: schema, into: &sink)
        depth -= 1
    }

    mutating func oneOf(_ branches: [QuotedSchema], _ value: JSONValue, into sink: inout Sink) {
        var valid: [Int] = []
        for (i, branch) in branches.enumerated() where isValid(value, against: branch.schema) {
            valid.append(i)
            if valid.count > 1 && !sink.detailed { break }
        }
        if valid.isEmpty {
            noBranchMatches(branches, value, into: &sink)
        } else if valid.count > 1 {
            let matching = (valid.dropFirst() + [valid[0]]).map { branches[$0].json.pythonRepr(limit: Self.quoteLimit) }
            report(&sink, "\(quote(value)) is valid under each of \(matching.joined(separator: ", "))")
        }
    }

    mutating func anyOf(_ branches: [QuotedSchema], _ value: JSONValue, into sink: inout Sink) {
        for branch in branches where isValid(value, against: branch.schema) { return }
        noBranchMatches(branches, value, into: &sink)
    }

    mutating func not(_ schema: QuotedSchema, _ value: JSONValue, into sink: inout Sink) {
        guard isValid(value, against: schema.schema) else { return }
        report(&sink, "\(quote(value)) should not be valid under \(schema.json.pythonRepr(limit: Self.quoteLimit))")
    }

    /// Reports the errors of the definition the value means to be (`code_cell` for a code cell,
    /// `stream` for a stream output; one of the branches, normally), or jsonschema's generic
    /// message when there is no such definition or the value matches it.
    private mutating func noBranchMatches(_ branches: [QuotedSchema], _ value: JSONValue, into sink: inout Sink) {
        guard sink.detailed else {
            sink.failed = true
            return
        }
        if let name = Self.intendedDefinition(of: value), let definition = document.references["#/definitions/" + name],
            case let key = JSONPath(path).pointer + " " + name, selections.insert(key).inserted
        {
            let before = sink.violations.count
            check(value, against: definition, into: &sink)
            selections.remove(key)
            if sink.violations.count > before {
                // nbformat's nested look at the branch raised, and it fell back to the plain message.
                if sink.violations[before].breaksNbformat {
                    sink.violations.insert(SchemaViolation(path: JSONPath(path), message: noBranchMessage(value)), at: before)
                }
                return
            }
        }
        report(&sink, noBranchMessage(value))
        if case .object(let object) = value, let cellType = object["cell_type"], cellType.stringValue == nil {
            sink.violations[sink.violations.count - 1].breaksNbformat = true
        }
    }

    private func noBranchMessage(_ value: JSONValue) -> String {
        "\(quote(messageForm(value, path))) is not valid under any of the given schemas"
    }

    /// `code_cell` for a cell with `"cell_type": "code"`, `stream` for a stream output.
    static func intendedDefinition(of value: JSONValue) -> String? {
        guard case .object(let object) = value else { return nil }
        if let cellType = object["cell_type"] { return cellType.stringValue.map { $0 + "_cell" } }
        return object["output_type"]?.stringValue
    }
}
