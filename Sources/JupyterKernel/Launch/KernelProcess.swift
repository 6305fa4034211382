#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The kernel's process, spawned as the leader of a new process group so that an interrupt or a
/// kill reaches every process it starts; its stdout and stderr go to a log file.
public final class KernelProcess {
    public let pid: pid_t
    /// The exit status once reaped: the code, or 128 + the signal.
    public private(set) var exitStatus: Int32?

    private init(pid: pid_t) { self.pid = pid }

    public static func spawn(
        _ command: [String], environment: [String: String], workingDirectory: String?, logPath: String
    ) throws(KernelError) -> KernelProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let workingDirectory { _ = spawnAddChdir(&actions, workingDirectory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new process group (pgid = pid), default signal actions and an empty mask, so the
        // kernel gets SIGINT even when quire ignores or blocks it.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let result = command[0].contains("/")
            ? posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, command[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw KernelError(.launchFailed, "cannot start the kernel (\(command[0])): \(String(cString: strerror(result)))")
        }
        return KernelProcess(pid: pid)
    }

    /// Reaps the process if it has ended; true while it runs.
    public func isRunning() -> Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return false
        }
        return result == 0
    }

    /// Sends a signal to the whole process group.
    public func signalGroup(_ signal: Int32) {
        _ = killpg(pid, signal)
    }

    /// Waits up to `timeout` seconds for the process to end.
    @discardableResult
    public func waitForExit(timeout: Double) -> Bool {
        let deadline = MonotonicClock.now + timeout
        while isRunning() {
            if MonotonicClock.now >= deadline { return false }
            usleep(10_000)
        }
        return true
    }

    /// SIGTERM to the group, then SIGKILL after `grace` seconds; reaps the leader. The group is
    /// killed even when the leader is gone, for children it left behind.
    public func terminate(grace: Double = 2) {
        if isRunning() {
            signalGroup(SIGTERM)
            if !waitForExit(timeout: grace) {
                signalGroup(SIGKILL)
                waitForExit(timeout: 5)
            }
        }
        signalGroup(SIGKILL)
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which the Glibc module does not export.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32
