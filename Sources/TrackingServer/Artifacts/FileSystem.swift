#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the artifact store needs, without Foundation.
enum FileSystem {
    enum Kind: Equatable {
        case file(size: Int64)
        case directory
        case other
    }

    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int64(info.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// `mkdir -p`; true when the folder exists afterwards.
    @discardableResult
    static func createDirectories(_ path: String) -> Bool {
        if kind(of: path) == .directory { return true }
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if kind(of: prefix) == nil { _ = mkdir(prefix, 0o755) }
        }
        return kind(of: path) == .directory
    }

    static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Atomically replaces `to` with `from` (same file system).
    static func move(_ from: String, to: String) -> Bool {
        rename(from, to) == 0
    }

    /// Removes a file or a folder with everything in it.
    static func removeTree(_ path: String) {
        if kind(of: path) == .directory {
            for name in entries(of: path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The first `limit` bytes of a file; nil if it cannot be opened.
    static func readPrefix(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var total = 0
        while total < limit {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let start = buffer.baseAddress else { return 0 }
                return read(descriptor, start + total, limit - total)
            }
            if count <= 0 { break }
            total += count
        }
        return Array(bytes.prefix(total))
    }

    static var lastErrorMessage: String { String(cString: strerror(errno)) }
}
