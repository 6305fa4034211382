/// How jsonschema (on Python values) compares JSON values.
extension SchemaValidator {
    /// Draft 4 types: `integer` is a number written without `.` or exponent (`1.0` is not one),
    /// booleans are never numbers.
    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            return true
        case ("integer", .number(let n)): return n.isInteger
        default: return false
        }
    }

    /// jsonschema's `equal`: `1 == 1.0`, `true != 1`, strings compared by code points (Swift's
    /// `==` would call a precomposed and a decomposed `é` equal), object key order ignored.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { entry in y[entry.key].map { equal(entry.value, $0) } ?? false }
        default: return a == b
        }
    }

    static func hasDuplicates(_ items: [JSONValue]) -> Bool {
        for i in items.indices {
            for j in items.indices where j > i && equal(items[i], items[j]) { return true }
        }
        return false
    }

    /// -1, 0 or 1 as Python orders two numbers; nil when either is NaN (every comparison false).
    static func compare(_ a: JSONNumber, _ b: JSONNumber) -> Int? {
        if a.isInteger && b.isInteger {
            if let x = Int(a.canonicalLiteral), let y = Int(b.canonicalLiteral) { return x < y ? -1 : (x == y ? 0 : 1) }
            return compareIntegerLiterals(a.canonicalLiteral, b.canonicalLiteral)
        }
        let x = a.doubleValue
        let y = b.doubleValue
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// Orders integers of any size by sign, length and digits.
    private static func compareIntegerLiterals(_ a: String, _ b: String) -> Int {
        let negativeA = a.hasPrefix("-")
        let negativeB = b.hasPrefix("-")
        if negativeA != negativeB { return negativeA ? -1 : 1 }
        let digitsA = Array(a.utf8.drop { $0 == UInt8(ascii: "-") })
        let digitsB = Array(b.utf8.drop { $0 == UInt8(ascii: "-") })
        var order = 0
        if digitsA.count != digitsB.count {
            order = digitsA.count < digitsB.count ? -1 : 1
        } else if digitsA != digitsB {
            order = digitsA.lexicographicallyPrecedes(digitsB) ? -1 : 1
        }
        return negativeA ? -order : order
    }

    /// jsonschema's `multipleOf`: a float divisor divides when the quotient is whole, an integer
    /// one when the remainder is zero.
    static func isMultiple(_ value: JSONNumber, of divisor: JSONNumber) -> Bool {
        if divisor.isInteger, value.isInteger, let x = Int(value.canonicalLiteral), let d = Int(divisor.canonicalLiteral) {
            return d == 0 || x % d == 0
        }
        let d = divisor.doubleValue
        guard d != 0 else { return true }
        if !divisor.isInteger {
            let quotient = value.doubleValue / d
            return quotient.isFinite && quotient.rounded(.towardZero) == quotient
        }
        return value.doubleValue.truncatingRemainder(dividingBy: d) == 0
    }

    /// Python's `sorted()` of strings: by code point.
    static func pythonSorted(_ strings: [String]) -> [String] {
        strings.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
