import Foundation

/// Where PostgreSQL's server programs are: `QUIRE_TEST_POSTGRES_BIN`, the `PATH`, or the
/// newest `/usr/lib/postgresql/<version>/bin` (Debian keeps them off the `PATH`).
struct PostgresBinaries {
    let directory: String

    static func find() -> PostgresBinaries? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["QUIRE_TEST_POSTGRES_BIN"] { candidates.append(explicit) }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let debian = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += debian.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        return candidates.first { dir in
            ["initdb", "postgres"].allSatisfy { FileManager.default.isExecutableFile(atPath: "\(dir)/\($0)") }
        }.map(PostgresBinaries.init)
    }
}

/// A cluster in a temporary directory, initialized and started; its watchdog removes it all
/// once this process has exited.
struct TemporaryCluster {
    let root: String
    let port: Int

    init(binaries: PostgresBinaries) throws {
        let asRoot = geteuid() == 0
        var template = Array("/tmp/quire-pg-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestServerError("mkdtemp failed")
        }
        root = String(cString: made)
        if asRoot, let user = getpwnam("postgres") { chown(root, user.pointee.pw_uid, user.pointee.pw_gid) }
        // Run as the unprivileged `postgres` user when we are root: initdb and postgres refuse root.
        let runAs = asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        let data = root + "/data"
        try Self.run(runAs + ["\(binaries.directory)/initdb", "-D", data, "-U", "postgres", "-A", "trust",
                              "-E", "UTF8", "--locale=C", "-N"], log: root + "/initdb.log")
        port = try Self.freePort()
        let server = runAs + ["\(binaries.directory)/postgres", "-D", data, "-k", root, "-p", "\(port)",
                              "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400"]
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", Self.watchdogScript, "watchdog", "\(getpid())", data, root] + server
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    /// Starts the server, waits for this process ($1) to end, then stops the server and removes
    /// the directory. It ignores INT/TERM/HUP so that a Ctrl-C on the test run still cleans up.
    static let watchdogScript = """
        parent=$1 data=$2 root=$3; shift 3
        trap '' INT TERM HUP
        "$@" >"$root/postgres.log" 2>&1 </dev/null &
        while kill -0 "$parent" 2>/dev/null; do sleep 0.2; done
        pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null)
        if [ -n "$pid" ]; then
            kill -INT "$pid" 2>/dev/null
            i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
            kill -KILL "$pid" 2>/dev/null
        fi
        wait
        rm -rf "$root"
        """

    func logTail() -> String {
        let log = (try? String(contentsOfFile: root + "/postgres.log", encoding: .utf8)) ?? "(no server log)"
        return String(log.suffix(2000))
    }

    private static func run(_ arguments: [String], log: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = FileHandle(forWritingAtPath: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw TestServerError("\(arguments.joined(separator: " ")) failed (\(process.terminationStatus)):\n\(text)")
        }
    }

    /// A port the kernel just handed out on 127.0.0.1 (free a moment ago).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestServerError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
