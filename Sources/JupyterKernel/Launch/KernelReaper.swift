#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Synchronization

/// Makes sure no kernel outlives quire: every running kernel's process group and files are
/// registered here, and SIGINT, SIGTERM, SIGHUP and exit() kill the groups and remove the files.
/// (ipykernel also exits by itself when its parent dies, through JPY_PARENT_PID, but that takes
/// a second and does not cover other kernels.)
public final class KernelReaper: @unchecked Sendable {
    // Safety: the slots are raw memory so the signal handler can read them without locks or
    // allocation; writers hold `lock`, and a slot's pgid is cleared before its paths are freed.
    public static let shared = KernelReaper()

    private static let capacity = 256
    private static let pathsPerSlot = 3
    private let pgids = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
    private let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity * pathsPerSlot)
    private let lock = Mutex(false)

    private init() {
        pgids.initialize(repeating: 0, count: Self.capacity)
        paths.initialize(repeating: nil, count: Self.capacity * Self.pathsPerSlot)
    }

    /// Registers a kernel's process group and the files (then the folder) to remove; returns its slot.
    func register(pgid: pid_t, files: [String]) -> Int? {
        lock.withLock { installed -> Int? in
            if !installed {
                installed = true
                Self.installHandlers(unblock: false)
            }
            guard let slot = (0..<Self.capacity).first(where: { pgids[$0] == 0 }) else { return nil }
            for (index, file) in files.prefix(Self.pathsPerSlot).enumerated() {
                paths[slot * Self.pathsPerSlot + index] = strdup(file)
            }
            pgids[slot] = pgid
            return slot
        }
    }

    func unregister(_ slot: Int) {
        lock.withLock { _ in
            pgids[slot] = 0
            for index in 0..<Self.pathsPerSlot {
                free(paths[slot * Self.pathsPerSlot + index])
                paths[slot * Self.pathsPerSlot + index] = nil
            }
        }
    }

    /// Kills every registered group and removes its files. Async-signal-safe: no locks, no allocation.
    func killAll() {
        for slot in 0..<Self.capacity where pgids[slot] > 0 {
            _ = killpg(pgids[slot], SIGKILL)
            for index in 0..<Self.pathsPerSlot {
                guard let path = paths[slot * Self.pathsPerSlot + index] else { continue }
                if unlink(path) != 0 { _ = rmdir(path) }
            }
        }
    }

    /// Installs the handlers now and unblocks the signals on the calling thread. Call it from
    /// the main thread before starting kernels: a process started from a thread that blocks
    /// signals (libdispatch's workers do) inherits the blocked mask, and Ctrl-C would then wait.
    public func installSignalHandlers() {
        lock.withLock { installed in
            installed = true
            Self.installHandlers(unblock: true)
        }
    }

    private static func installHandlers(unblock: Bool) {
        if unblock {
            var signals = sigset_t()
            sigemptyset(&signals)
            for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                KernelReaper.shared.killAll()
                // Die of the same signal, so the shell sees the usual status (130 for Ctrl-C).
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        atexit { KernelReaper.shared.killAll() }
    }
}
