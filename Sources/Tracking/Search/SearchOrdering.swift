/// Sorts runs or experiments by `order_by` terms with MLflow's rules: a missing value (or a
/// NaN metric) sorts last whichever the direction; numbers compare numerically, strings by
/// UTF-8 bytes; the tie-break terms follow the requested ones.
public struct SearchOrdering: Sendable {
    public var terms: [OrderTerm]

    /// `requested` then `tieBreak`, skipping tie-break keys already requested.
    public init(_ requested: [OrderTerm], tieBreak: [OrderTerm]) {
        terms = requested + tieBreak.filter { tie in !requested.contains { $0.key == tie.key } }
    }

    public func areInIncreasingOrder(_ a: Run, _ b: Run) -> Bool {
        compare { SearchValue.of($0, in: a) } to: { SearchValue.of($0, in: b) }
    }

    public func areInIncreasingOrder(_ a: Experiment, _ b: Experiment) -> Bool {
        compare { SearchValue.of($0, in: a) } to: { SearchValue.of($0, in: b) }
    }

    private func compare(_ a: (SearchKey) -> SearchValue?, to b: (SearchKey) -> SearchValue?) -> Bool {
        for term in terms {
            let order = Self.order(Self.sortable(a(term.key), term.key), Self.sortable(b(term.key), term.key))
            switch order {
            case .same: continue
            case .missingFirst: return false
            case .missingSecond: return true
            case .less: return term.ascending
            case .greater: return !term.ascending
            }
        }
        return false
    }

    private enum Order { case same, less, greater, missingFirst, missingSecond }

    /// NaN is treated as missing; experiment ids compare as numbers when they are numbers.
    private static func sortable(_ value: SearchValue?, _ key: SearchKey) -> SearchValue? {
        switch value {
        case .number(let n) where n.isNaN: return nil
        case .string(let s) where key == .attribute("experiment_id"): return Int64(s).map { .number(Double($0)) } ?? value
        default: return value
        }
    }

    private static func order(_ a: SearchValue?, _ b: SearchValue?) -> Order {
        switch (a, b) {
        case (nil, nil): return .same
        case (nil, _): return .missingFirst
        case (_, nil): return .missingSecond
        case (.number(let x)?, .number(let y)?): return x < y ? .less : (x > y ? .greater : .same)
        case (.string(let x)?, .string(let y)?):
            if x.utf8.elementsEqual(y.utf8) { return .same }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? .less : .greater
        case (.number?, .string?): return .less
        case (.string?, .number?): return .greater
        }
    }
}
