/// The reference semantics of a filter over an in-memory run; every store must agree with it.
///
/// A comparison on a missing key (no such metric, param or tag; no end time) is false, and so
/// is every comparison on a NaN metric — as SQL's NULL makes them. Strings compare by UTF-8
/// bytes, as SQLite's BINARY collation does.
extension FilterExpression {
    public func matches(_ run: Run) -> Bool {
        switch self {
        case .comparison(let c): c.matches(value: SearchValue.of(c.key, in: run))
        case .and(let items): items.allSatisfy { $0.matches(run) }
        case .or(let items): items.contains { $0.matches(run) }
        }
    }

    public func matches(_ experiment: Experiment) -> Bool {
        switch self {
        case .comparison(let c): c.matches(value: SearchValue.of(c.key, in: experiment))
        case .and(let items): items.allSatisfy { $0.matches(experiment) }
        case .or(let items): items.contains { $0.matches(experiment) }
        }
    }
}

extension Comparison {
    func matches(value: SearchValue?) -> Bool {
        switch op {
        case .isNull: return value == nil
        case .isNotNull: return value != nil
        default: break
        }
        switch (value, self.value) {
        case (.number(let lhs)?, .number(let rhs)):
            guard !lhs.isNaN else { return false }
            switch op {
            case .equal: return lhs == rhs
            case .notEqual: return lhs != rhs
            case .less: return lhs < rhs
            case .lessOrEqual: return lhs <= rhs
            case .greater: return lhs > rhs
            case .greaterOrEqual: return lhs >= rhs
            default: return false
            }
        case (.string(let lhs)?, .string(let rhs)):
            switch op {
            case .equal: return lhs.utf8.elementsEqual(rhs.utf8)
            case .notEqual: return !lhs.utf8.elementsEqual(rhs.utf8)
            case .like: return LikePattern.matches(lhs, pattern: rhs, caseInsensitive: false)
            case .ilike: return LikePattern.matches(lhs, pattern: rhs, caseInsensitive: true)
            default: return false
            }
        case (.string(let lhs)?, .list(let items)):
            let found = items.contains { $0.utf8.elementsEqual(lhs.utf8) }
            return op == .in ? found : (op == .notIn && !found)
        default:
            return false
        }
    }
}
