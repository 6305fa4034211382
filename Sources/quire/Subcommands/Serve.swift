import ArgumentParser
import Dispatch
import NotebookFormat
import Synchronization
import Tracking
import TrackingServer

extension Quire {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the experiment tracking server that the MLflow client talks to.",
            discussion: """
                Point the unchanged `mlflow` Python client at it with MLFLOW_TRACKING_URI. Runs go to the \
                store (SQLite by default, created on first start), artifacts to the artifact folder; the \
                client uploads and downloads artifacts through the server (mlflow-artifacts:/ URIs).

                Access control: --auth-token (clients set MLFLOW_TRACKING_TOKEN) and/or --users FILE with \
                lines 'user:password' or 'user:sha256:<hex of the password's SHA-256>' (clients set \
                MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD). /health stays open. A --host other \
                than loopback is refused without one of them unless --insecure-public is given.

                The web UI is at the same address: experiments, runs (filter, sort, columns), run pages, \
                comparisons and metric charts; --open shows it in a browser.

                Logs one line per request on stderr (method, path, status, duration_ms); --quiet turns \
                them off. SIGTERM or SIGINT stops it after in-flight requests finish.

                Examples:
                  quire serve --open
                  quire serve --store sqlite:////srv/runs.db --artifacts /srv/artifacts
                  quire serve --host 0.0.0.0 --port 8080 --users users.txt
                """
        )

        @Option(help: "Run store: sqlite:///RELATIVE/PATH, sqlite:////ABSOLUTE/PATH, or postgresql://user@host/db.")
        var store = "sqlite:///./mlruns.db"

        @Option(help: "Folder for artifacts (created if missing).")
        var artifacts = "./mlartifacts"

        @Option(help: "Address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on (0 picks a free one).")
        var port = 5000

        @Option(help: "Require 'Authorization: Bearer TOKEN' (the client's MLFLOW_TRACKING_TOKEN).")
        var authToken: String?

        @Option(help: "Allow basic auth for the users in FILE ('user:password' or 'user:sha256:<hex>' lines).")
        var users: String?

        @Flag(help: "Allow a non-loopback --host without --auth-token or --users.")
        var insecurePublic = false

        @Flag(help: "Do not log requests.")
        var quiet = false

        @Flag(help: "Open the web UI in a browser ($BROWSER, else xdg-open, sensible-browser or open) once listening.")
        var open = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
            if !Self.isLoopback(host) && authToken == nil && users == nil && !insecurePublic {
                throw ValidationError(
                    "--host \(host) would let anyone on the network read and write runs: add --auth-token or --users, "
                        + "or --insecure-public if that is intended.")
            }
        }

        func run() throws {
            // A long-lived server: buffers of a few MB (a 100,000-point history, a search answer)
            // are reused from the heap instead of being mapped and zeroed afresh per request, and
            // freeing them does not hand the pages back (worker threads' arenas trim at 128 KB).
            _ = glibcMallopt(-3, 64 * 1024 * 1024)  // -3: M_MMAP_THRESHOLD in <malloc.h>
            _ = glibcMallopt(-1, 256 * 1024 * 1024)  // -1: M_TRIM_THRESHOLD
            let access = try accessControl()
            let location = try StoreLocation(parsing: store)
            let configuration = TrackingServerConfiguration(
                host: host, port: port, artifactRoot: artifacts, accessControl: access, logsRequests: !quiet)
            try Self.runUntilStopped(store: location, configuration: configuration, opensBrowser: open)
        }

        /// Serves until SIGTERM/SIGINT. `main` is synchronous (notebook commands start faster
        /// without the async entry point), so the server runs in a task this thread waits for.
        static func runUntilStopped(
            store location: StoreLocation, configuration: TrackingServerConfiguration, opensBrowser: Bool = false
        ) throws {
            let failure = FailureBox()
            let finished = DispatchSemaphore(value: 0)
            let host = configuration.host
            Task {
                do {
                    let (store, close) = try await location.open(artifactRoot: "mlflow-artifacts:")
                    do {
                        try await TrackingServer.run(store: store, configuration: configuration) { port in
                            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
                            Console.error("Tracking server on \(url) — set MLFLOW_TRACKING_URI=\(url)")
                            if opensBrowser && BrowserLauncher.open(url + "/") == nil {
                                Console.error("no browser found; open \(url)/ yourself")
                            }
                        }
                    } catch {
                        await close()
                        throw error
                    }
                    await close()
                } catch {
                    failure.error.withLock { $0 = error }
                }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error.withLock({ $0 }) { throw ServeError(message: "\(error)") }
        }

        func accessControl() throws -> AccessControl? {
            var access = AccessControl(bearerToken: authToken.flatMap { $0.isEmpty ? nil : $0 })
            if let users {
                let text = String(decoding: try FileIO.read(users), as: UTF8.self)
                do {
                    access.users = try AccessControl.parseUsers(text)
                } catch {
                    throw ValidationError("\(users): \(error)")
                }
                if access.users.isEmpty { throw ValidationError("\(users): no users in the file.") }
            }
            return access.isEmpty ? nil : access
        }

        static func isLoopback(_ host: String) -> Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }
}

/// The error the server task ended with, read by the waiting thread.
private final class FailureBox: Sendable {
    let error = Mutex<(any Error)?>(nil)
}

/// The server stopped with an error (a port in use, a store failure).
struct ServeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
