#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// What a finished child process left behind.
public struct ProcessOutput: Sendable, Equatable {
    /// The exit status, or 128 + the signal number when a signal ended it.
    public var status: Int32
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]

    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// Why a child process could not be started.
public struct SpawnError: Error, Sendable, Equatable {
    public var program: String
    public var code: Int32

    public var isNotFound: Bool { code == ENOENT }
    public var reason: String { String(cString: strerror(code)) }
}

/// Runs a program found on PATH with posix_spawn (no Foundation), stdin from /dev/null, and
/// collects its stdout and stderr.
public enum ProcessRunner {
    public static func run(_ arguments: [String]) throws(SpawnError) -> ProcessOutput {
        precondition(!arguments.isEmpty, "no program to run")
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw SpawnError(program: arguments[0], code: errno) }
        guard makePipe(&errPipe) else {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw SpawnError(program: arguments[0], code: code)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else { throw SpawnError(program: arguments[0], code: spawned) }

        let (output, error) = drain(outPipe[0], errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessOutput(status: exitStatus, standardOutput: output, standardError: error)
    }

    /// A pipe whose ends are closed in the child (only the dup2 copies survive there).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Reads both pipes to their end without letting either fill up and block the child.
    private static func drain(_ outFD: Int32, _ errFD: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0), pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while fds.contains(where: { $0.fd >= 0 }) {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    collected[index].append(contentsOf: chunk[0..<n])
                } else if n == 0 || errno != EINTR {
                    fds[index].fd = -1  // poll ignores negative descriptors
                }
            }
        }
        return (collected[0], collected[1])
    }

    /// The full path of `program` in the PATH directories, when it is an executable file there.
    public static func findOnPath(_ program: String) -> String? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let folder = directory.isEmpty ? "." : String(directory)
            let candidate = folder.hasSuffix("/") ? folder + program : folder + "/" + program
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}
