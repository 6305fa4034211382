#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Dispatch

/// `quire serve --open`: shows the web UI in the user's browser once the server listens.
enum BrowserLauncher {
    /// Tries `$BROWSER` (colon-separated commands, `%s` for the URL), then `xdg-open`,
    /// `sensible-browser` and `open` from PATH. Returns the command started, nil if none could be.
    static func open(_ url: String, environment browserVariable: String? = getenv("BROWSER").map { String(cString: $0) })
        -> String?
    {
        var commands: [[String]] = []
        for entry in (browserVariable ?? "").split(separator: ":") {
            let words = entry.split(separator: " ").map(String.init)
            guard !words.isEmpty else { continue }
            commands.append(words.contains { $0.contains("%s") } ? words.map { $0.replacing("%s", with: url) } : words + [url])
        }
        commands += ["xdg-open", "sensible-browser", "open"].map { [$0, url] }
        for command in commands where spawnDetached(command) {
            return command[0]
        }
        return nil
    }

    /// Starts `arguments` in its own session with stdin, stdout and stderr on /dev/null, and
    /// reaps it in the background; false if it could not be started (not on PATH).
    static func spawnDetached(_ arguments: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        #if canImport(Glibc)
        // A new session (glibc's POSIX_SPAWN_SETSID, 0x80, hidden behind _GNU_SOURCE): closing
        // the terminal or stopping the server leaves the browser alone.
        posix_spawnattr_setflags(&attributes, 0x80)
        #endif
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ) == 0 else { return false }
        let child = pid
        DispatchQueue.global().async {
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        return true
    }
}
