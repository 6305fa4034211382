extension JSONObject {
    /// nbstripout's `pop_recursive`: removes `key` when present as it is, otherwise treats the
    /// dots as nesting (`a.b.c` removes `c` inside `a.b`).
    @discardableResult
    public mutating func removeValue(atDottedPath key: String) -> JSONValue? {
        if contains(key) { return removeValue(forKey: key) }
        guard let dot = key.firstIndex(of: ".") else { return nil }
        let head = String(key[..<dot])
        let tail = String(key[key.index(after: dot)...])
        guard case .object(var child)? = self[head] else { return nil }
        let removed = child.removeValue(atDottedPath: tail)
        if removed != nil { self[head] = .object(child) }
        return removed
    }
}
