#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path helpers on plain POSIX calls.
enum FilePaths {
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "." }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `~/x` expanded with $HOME, and relative paths made absolute from the working directory.
    static func absolute(_ path: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = environment("HOME") {
            path = home + path.dropFirst()
        }
        if path.hasPrefix("/") { return path }
        let base = currentDirectory()
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The folders above `path` that do not exist yet, outermost first.
    static func missingParentDirectories(of path: String) -> [String] {
        var missing: [String] = []
        var folder = parent(path)
        while folder != "/" && folder != "." && !FileStatus.isDirectory(folder) {
            missing.insert(folder, at: 0)
            folder = parent(folder)
        }
        return missing
    }

    /// `mkdir -p` for the folder of a file.
    static func createParentDirectories(of path: String) throws(GitError) {
        let folder = parent(path)
        if FileStatus.isDirectory(folder) { return }
        try createParentDirectories(of: folder)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw GitError(.io, "\(folder): cannot create folder: \(String(cString: strerror(errno)))")
        }
    }
}

enum FileStatus {
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Removes an empty folder; a folder that is not empty (or gone) is left alone.
    static func removeEmptyDirectory(_ path: String) {
        _ = rmdir(path)
    }

    static func remove(_ path: String) throws(GitError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw GitError(.io, "\(path): cannot remove: \(String(cString: strerror(errno)))")
        }
    }
}
