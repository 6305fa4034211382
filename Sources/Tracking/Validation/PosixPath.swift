/// Python's `posixpath.normpath`, which MLflow uses to reject keys that a path would rewrite.
enum PosixPath {
    static func normalize(_ path: String) -> String {
        if path.isEmpty { return "." }
        let leadingSlashes = path.prefix(while: { $0 == "/" }).count
        // POSIX keeps exactly two leading slashes; one or three-plus collapse to one.
        let prefix = leadingSlashes == 0 ? "" : (leadingSlashes == 2 ? "//" : "/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part != ".." || (prefix.isEmpty && parts.isEmpty) || parts.last == ".." {
                parts.append(part)
            } else if !parts.isEmpty {
                parts.removeLast()
            }
        }
        let joined = prefix + parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
