import Tracking
import TrackingSQLite

#if canImport(Glibc)
import Glibc
#endif

/// A fresh database file in a private temporary directory, removed when the value goes away.
final class TemporaryDatabase: Sendable {
    let directory: String
    var path: String { directory + "/runs.db" }

    init() {
        var template = Array("/tmp/quire-tracking-XXXXXX".utf8CString)
        directory = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
            return String(cString: made)
        }
    }

    func store() throws -> SQLiteRunStore { try SQLiteRunStore(path: path) }

    deinit {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        rmdir(directory)
    }
}

/// Monotonic milliseconds, for the measured figures the tests print.
func elapsedMilliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let duration = clock.now - start
    return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
