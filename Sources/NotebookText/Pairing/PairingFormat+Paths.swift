/// Paired file names, as jupytext computes them (`paired_paths.py::base_path` and `full_path`):
/// a file's *base* is its path without the format's prefix, suffix and extension; the paired
/// file is the base with the other format's. A prefix root `a//` stands for a folder `a`
/// anywhere above the file, kept in the base as `//`.
extension PairingFormat {
    /// The base of `path` in this format, or nil when the path does not have its shape.
    public func basePath(of path: String) -> String? {
        guard path.hasSuffix(fileExtension), path.count > fileExtension.count else { return nil }
        var base = String(path.dropLast(fileExtension.count))
        guard base.hasSuffix(suffix) else { return nil }
        base = String(base.dropLast(suffix.count))
        guard !prefix.isEmpty else { return base }
        let parts = PrefixParts(prefix)
        var (directory, name) = Self.splitLast(base)
        guard name.hasPrefix(parts.fileName) else { return nil }
        name = String(name.dropFirst(parts.fileName.count))
        if !parts.directory.isEmpty {
            guard let parent = Self.removing(folders: parts.directory, from: directory) else { return nil }
            directory = parent
        }
        if !parts.root.isEmpty {
            let long = "/" + directory + "/", root = "/" + parts.root + "/"
            guard let found = long.lastRange(of: root) else { return nil }
            let left = String(long[..<found.lowerBound]), right = String(long[found.upperBound...])
            // `left//right`, without the slashes added around `directory` above.
            directory = String((left + "///" + right).dropFirst().dropLast())
        }
        return directory.isEmpty ? name : directory + "/" + name
    }

    /// The path of the file with this format for `base`; nil when the base has a prefix root
    /// (`//`) and this format none, or the other way round.
    public func path(forBase base: String) -> String? {
        var full = base
        if !prefix.isEmpty {
            let parts = PrefixParts(prefix)
            guard parts.root.isEmpty == !base.contains("//") else { return nil }
            var directory: String, name: String
            if parts.root.isEmpty {
                (directory, name) = Self.splitLast(base)
            } else {
                let marker = base.lastRange(of: "//")!
                let (rightDirectory, rightName) = Self.splitLast(String(base[marker.upperBound...]))
                directory = String(base[..<marker.lowerBound]) + parts.root + "/" + rightDirectory
                name = rightName
            }
            name = parts.fileName + name
            if !parts.directory.isEmpty {
                var folders = Substring(parts.directory)
                while folders.hasPrefix("../") {
                    folders = folders.dropFirst(3)
                    directory = Self.splitLast(directory).0
                }
                if !directory.isEmpty, !directory.hasSuffix("/") { directory += "/" }
                directory += folders
            }
            if !directory.isEmpty, !directory.hasSuffix("/") { directory += "/" }
            full = directory + name
        } else if base.contains("//") {
            return nil
        }
        return full + suffix + fileExtension
    }

    /// `a//b/c` → root `a`, directory `b`, file-name prefix `c`.
    struct PrefixParts {
        var root = "", directory = "", fileName = ""
        init(_ prefix: String) {
            var rest = prefix
            if let marker = prefix.lastRange(of: "//") {
                root = String(prefix[..<marker.lowerBound])
                rest = String(prefix[marker.upperBound...])
            }
            (directory, fileName) = PairingFormat.splitLast(rest)
        }
    }

    /// `a/b/c` → (`a/b`, `c`); `c` → (``, `c`).
    static func splitLast(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// `directory` without the trailing folders that `prefixDirectory` names (`..` climbs back
    /// into a folder removed before it), or nil when they are not there.
    static func removing(folders prefixDirectory: String, from directory: String) -> String? {
        var parent = directory, expected = prefixDirectory, removed: [String] = []
        while !expected.isEmpty {
            let (rest, folder) = splitLast(expected)
            expected = rest
            if folder == ".." {
                guard let last = removed.popLast() else { return nil }
                parent = parent.isEmpty ? last : parent + "/" + last
            } else {
                let (above, actual) = splitLast(parent)
                guard actual == folder else { return nil }
                removed.append(actual)
                parent = above
            }
        }
        return parent
    }
}

extension String {
    /// The range of the last occurrence of `needle`.
    func lastRange(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        var index = endIndex
        while index > startIndex {
            index = self.index(before: index)
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
        }
        return nil
    }
}
