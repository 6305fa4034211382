/// A page's query string, decoded: `a=1&b=x+y&a=2`. Repeated names keep every value.
struct QueryParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// - Throws: ``UIError`` 400 for a malformed percent-escape.
    init(_ query: String?) throws(UIError) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = URLEncoding.decode(pieces[0]), let value = URLEncoding.decode(pieces.count > 1 ? pieces[1] : "")
            else { throw .badRequest("The query string has a malformed percent-escape in '\(part)'.") }
            pairs.append((name, value))
        }
    }

    /// The last value of `name`.
    subscript(name: String) -> String? { pairs.last { $0.name == name }?.value }

    /// Every value of `name`, each split at commas, empty pieces dropped; nil when absent.
    func list(_ name: String) -> [String]? {
        let values = pairs.filter { $0.name == name }.map(\.value)
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    /// A positive whole number within `range`, `fallback` when absent.
    /// - Throws: ``UIError`` 400 naming the parameter and the accepted range.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(UIError) -> Int {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("\(name)=\(text) is not valid: expected a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// One of `choices`, `fallback` when absent.
    func choice(_ name: String, _ choices: [String], default fallback: String) throws(UIError) -> String {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard choices.contains(text) else {
            throw .badRequest("\(name)=\(text) is not valid: expected one of \(choices.joined(separator: ", ")).")
        }
        return text
    }

    /// A number within `range`, `fallback` when absent.
    func number(_ name: String, in range: ClosedRange<Double>, default fallback: Double) throws(UIError) -> Double {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let value = Double(text), range.contains(value) else {
            throw .badRequest(
                "\(name)=\(text) is not valid: expected a number from \(NumberFormat.compact(range.lowerBound)) to \(NumberFormat.compact(range.upperBound)).")
        }
        return value
    }
}
