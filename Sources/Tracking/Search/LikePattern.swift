/// SQL `LIKE` matching: `%` any run of characters, `_` exactly one; no escape character.
/// `LIKE` is case-sensitive (as MLflow is, even on SQLite) and `ILIKE` compares lowercased
/// text. Works on Unicode scalars so that every store can use the same function.
public enum LikePattern {
    public static func matches(_ value: String, pattern: String, caseInsensitive: Bool) -> Bool {
        let v = Array((caseInsensitive ? value.lowercased() : value).unicodeScalars)
        let p = Array((caseInsensitive ? pattern.lowercased() : pattern).unicodeScalars)
        // Iterative wildcard match with backtracking to the last `%`: linear for typical patterns.
        var vi = 0, pi = 0
        var starP = -1, starV = 0
        while vi < v.count {
            if pi < p.count, p[pi] == "_" || (p[pi] != "%" && p[pi] == v[vi]) {
                vi += 1
                pi += 1
            } else if pi < p.count, p[pi] == "%" {
                starP = pi
                starV = vi
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starV += 1
                vi = starV
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "%" { pi += 1 }
        return pi == p.count
    }
}
