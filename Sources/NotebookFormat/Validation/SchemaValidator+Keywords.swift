/// The draft 4 keywords, with jsonschema's messages.
extension SchemaValidator {
    mutating func apply(_ keyword: SchemaKeyword, to value: JSONValue, into sink: inout Sink) {
        switch keyword {
        case .reference(let target):
            followReference(target, value, into: &sink)
        case .type(let types):
            if !types.contains(where: { Self.matches(value, type: $0) }) {
                report(&sink, "\(quote(value)) is not of type \(types.map(PythonRepr.string).joined(separator: ", "))")
            }
        case .enumeration(let allowed):
            if !allowed.contains(where: { Self.equal($0, value) }) {
                report(&sink, "\(quote(value)) is not one of \(JSONValue.array(allowed).pythonRepr(limit: Self.quoteLimit))")
            }
        case .allOf(let schemas):
            for schema in schemas where !sink.isDone { check(value, against: schema, into: &sink) }
        case .anyOf(let branches):
            anyOf(branches, value, into: &sink)
        case .oneOf(let branches):
            oneOf(branches, value, into: &sink)
        case .not(let schema):
            not(schema, value, into: &sink)
        case .minimum(let limit, let exclusive):
            guard case .number(let n) = value, let order = Self.compare(n, limit) else { return }
            if order < 0 || (exclusive && order == 0) {
                let relation = exclusive ? "less than or equal to" : "less than"
                report(&sink, "\(n.pythonRepr) is \(relation) the minimum of \(limit.pythonRepr)")
            }
        case .maximum(let limit, let exclusive):
            guard case .number(let n) = value, let order = Self.compare(n, limit) else { return }
            if order > 0 || (exclusive && order == 0) {
                let relation = exclusive ? "greater than or equal to" : "greater than"
                report(&sink, "\(n.pythonRepr) is \(relation) the maximum of \(limit.pythonRepr)")
            }
        case .multipleOf(let divisor):
            guard case .number(let n) = value, !Self.isMultiple(n, of: divisor) else { return }
            report(&sink, "\(n.pythonRepr) is not a multiple of \(divisor.pythonRepr)")
        case .pattern(let pattern):
            guard case .string(let text) = value, !patternMatches(pattern, text) else { return }
            report(&sink, "\(quote(value)) does not match \(PythonRepr.string(pattern))")
        case .uniqueItems:
            guard case .array(let items) = value, Self.hasDuplicates(items) else { return }
            report(&sink, "\(quote(value)) has non-unique elements")
        default:
            applySizeOrStructure(keyword, to: value, into: &sink)
        }
    }

    private mutating func applySizeOrStructure(_ keyword: SchemaKeyword, to value: JSONValue, into sink: inout Sink) {
        if let (isMinimum, limit, size) = Self.sizeLimit(keyword, value) {
            if isMinimum && size < limit {
                let tooFew = value.objectValue != nil ? "does not have enough properties" : "is too short"
                report(&sink, "\(quote(value)) \(limit == 1 ? "should be non-empty" : tooFew)")
            } else if !isMinimum && size > limit {
                let tooMany = value.objectValue != nil ? "has too many properties" : "is too long"
                report(&sink, "\(quote(value)) \(limit == 0 ? "is expected to be empty" : tooMany)")
            }
            return
        }
        switch (keyword, value) {
        case (.required(let names), .object(let object)):
            for name in names where !object.contains(name) {
                report(&sink, "\(PythonRepr.string(name)) is a required property")
                if sink.isDone { return }
            }
        case (.properties(let properties), .object(let object)):
            for property in properties {
                guard let member = object[property.name] else { continue }
                descend(member, .key(property.name), property.schema, into: &sink)
                if sink.isDone { return }
            }
        case (.patternProperties(let properties), .object(let object)):
            for property in properties {
                for entry in object where patternMatches(property.name, entry.key) {
                    descend(entry.value, .key(entry.key), property.schema, into: &sink)
                    if sink.isDone { return }
                }
            }
        case (.additionalProperties(let schema, let declared, let patterns), .object(let object)):
            additionalProperties(schema, declared: declared, patterns: patterns, object, into: &sink)
        case (.items(let schema), .array(let items)):
            for (i, item) in items.enumerated() {
                descend(item, .index(i), schema, into: &sink)
                if sink.isDone { return }
            }
        case (.tupleItems(let schemas), .array(let items)):
            for (i, (item, schema)) in zip(items, schemas).enumerated() {
                descend(item, .index(i), schema, into: &sink)
                if sink.isDone { return }
            }
        case (.additionalItems(let schema, let count), .array(let items)) where items.count > count:
            guard let schema else {
                let extras = items[count...].map(quote)
                let verb = extras.count == 1 ? "was" : "were"
                report(&sink, "Additional items are not allowed (\(extras.joined(separator: ", ")) \(verb) unexpected)")
                return
            }
            for i in count..<items.count {
                descend(items[i], .index(i), schema, into: &sink)
                if sink.isDone { return }
            }
        case (.dependencies(let dependencies), .object(let object)):
            for dependency in dependencies where object.contains(dependency.property) {
                if let schema = dependency.schema { check(value, against: schema, into: &sink) }
                for name in dependency.requires where !object.contains(name) {
                    report(&sink, "\(PythonRepr.string(name)) is a dependency of \(PythonRepr.string(dependency.property))")
                }
                if sink.isDone { return }
            }
        default:
            return
        }
    }

    /// For the length and size keywords: whether it is a minimum, the limit, and the size of
    /// the value (code points of a string, as Python's `len`).
    private static func sizeLimit(_ keyword: SchemaKeyword, _ value: JSONValue) -> (Bool, Int, Int)? {
        switch (keyword, value) {
        case (.minLength(let n), .string(let s)): return (true, n, s.unicodeScalars.count)
        case (.maxLength(let n), .string(let s)): return (false, n, s.unicodeScalars.count)
        case (.minItems(let n), .array(let a)): return (true, n, a.count)
        case (.maxItems(let n), .array(let a)): return (false, n, a.count)
        case (.minProperties(let n), .object(let o)): return (true, n, o.count)
        case (.maxProperties(let n), .object(let o)): return (false, n, o.count)
        default: return nil
        }
    }

    private mutating func additionalProperties(
        _ schema: JSONSchema?, declared: Set<String>, patterns: [String]?, _ object: JSONObject, into sink: inout Sink
    ) {
        var extras: [JSONObject.Entry] = []
        for entry in object where !declared.contains(entry.key) {
            if !(patterns ?? []).contains(where: { patternMatches($0, entry.key) }) { extras.append(entry) }
        }
        guard !extras.isEmpty else { return }
        if let schema {
            for entry in extras {
                descend(entry.value, .key(entry.key), schema, into: &sink)
                if sink.isDone { return }
            }
            return
        }
        let names = Self.pythonSorted(extras.map(\.key)).map(PythonRepr.string).joined(separator: ", ")
        if let patterns {
            let regexes = Self.pythonSorted(patterns).map(PythonRepr.string).joined(separator: ", ")
            report(&sink, "\(names) \(extras.count == 1 ? "does" : "do") not match any of the regexes: \(regexes)")
        } else {
            report(&sink, "Additional properties are not allowed (\(names) \(extras.count == 1 ? "was" : "were") unexpected)")
        }
    }
}
