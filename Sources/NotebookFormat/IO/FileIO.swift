#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file access: no Foundation on the hot path, atomic replacement on write.
public enum FileIO {
    public static func read(_ path: String) throws(NotebookError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, reading: path) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw NotebookError(.unreadableInput, "is a directory; pass notebook files (for example dir/*.ipynb)", file: path)
        }
        return try readAll(fd, path: path)
    }

    public static func readStandardInput() throws(NotebookError) -> [UInt8] {
        try readAll(0, path: "<stdin>")
    }

    static func readAll(_ fd: Int32, path: String) throws(NotebookError) -> [UInt8] {
        // A regular file (also stdin redirected from one) is read into a buffer of its size.
        var info = stat()
        let expected = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        var capacity = max(expected + 1, 1 << 16)
        var result: [UInt8] = []
        while true {
            // Read into uninitialized space: zero-filling a 20 MB buffer first costs as much as reading it.
            var failure: Int32 = 0
            var finished = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                while count < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n == 0 {
                        finished = true
                        return
                    }
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    count += n
                }
            }
            if failure != 0 { throw error(failure, reading: path) }
            if result.isEmpty { result = chunk } else { result += chunk }
            if finished { return result }
            capacity = max(result.count, 1 << 16)
        }
    }

    /// Writes all bytes to a descriptor, retrying short writes.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    public static func writeStandardOutput(_ bytes: [UInt8]) throws(NotebookError) {
        guard writeAll(bytes, to: 1) else { throw NotebookError(.io, "cannot write: \(describe(errno))", file: "<stdout>") }
    }

    /// Replaces `path` with `bytes` atomically: a temporary file in the same folder, then rename.
    /// The file's permission bits are kept. On any failure the original stays untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(NotebookError) {
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        var template = Array((path + ".quire-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw error(errno, writing: path) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = writeAll(bytes, to: fd)
        let savedErrno = errno
        ok = ok && fchmod(fd, mode) == 0
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tempPath, path) == 0 else {
            let code = ok ? errno : savedErrno
            unlink(tempPath)
            throw error(code, writing: path)
        }
    }

    /// Creates `path` and the folders above it that are missing (`mkdir -p`).
    public static func createDirectories(_ path: String) throws(NotebookError) {
        guard !path.isEmpty, !isDirectory(path) else { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try createDirectories(String(path[..<slash]))
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw error(errno, writing: path) }
    }

    /// The file's size and modification time, or nil when it cannot be read.
    public static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func error(_ code: Int32, reading path: String) -> NotebookError {
        if code == ENOENT { return NotebookError(.missingFile, "no such file", file: path) }
        if code == EISDIR { return NotebookError(.unreadableInput, "is a directory; pass notebook files (for example dir/*.ipynb)", file: path) }
        return NotebookError(.unreadableInput, "cannot read: \(describe(code))", file: path)
    }

    static func error(_ code: Int32, writing path: String) -> NotebookError {
        NotebookError(.io, "cannot write: \(describe(code)); the file was left as it was", file: path)
    }
}

/// What `stat` says about a file's contents without reading them: equal stamps mean unchanged
/// contents, as git's index assumes.
public struct FileStamp: Sendable, Equatable {
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int

    public init(size: Int, seconds: Int, nanoseconds: Int) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}
