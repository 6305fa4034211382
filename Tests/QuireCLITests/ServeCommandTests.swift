import Foundation
import PostgresTestSupport
import Testing

/// `quire serve` as a process: its banner, a real socket, auth, refusals, shutdown.
@Suite(.serialized) struct ServeCommandTests {
    @Test func servesOverASocketAndStopsCleanlyOnSIGTERM() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder, extraArguments: ["--auth-token", "t0ken"])
        #expect(server.log.contains("— set MLFLOW_TRACKING_URI=\(server.url)"))
        let health = try Self.get(server.url + "/health")
        #expect(health.status == 200 && health.body == "OK")
        let denied = try Self.get(server.url + "/api/2.0/mlflow/experiments/search")
        #expect(denied.status == 401 && denied.body.contains("UNAUTHENTICATED"))
        let allowed = try Self.get(server.url + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default", token: "t0ken")
        #expect(allowed.status == 200 && allowed.body.contains(#""experiment_id":"0""#))
        #expect(server.stop() == 0)
        #expect(server.log.contains("method=GET path=/health status=200"))
        #expect(FileManager.default.fileExists(atPath: folder + "/runs.db"))
        #expect(FileManager.default.fileExists(atPath: folder + "/artifacts"))
    }

    @Test func refusesAPublicHostWithoutAuth() throws {
        let result = try QuireRunner.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--insecure-public"))
    }

    @Test func anUnreachablePostgresStoreIsNamedInTheError() throws {
        // Port 1 on loopback refuses at once: the error names the server, and nothing hangs.
        let start = Date()
        let result = try QuireRunner.run(["serve", "--store", "postgresql://me@127.0.0.1:1/runs", "--port", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("127.0.0.1:1"), "\(result.stderr)")
        #expect(!result.stderr.contains("Tracking server on"))
        #expect(Date().timeIntervalSince(start) < 30, "a refused connection is reported at once")
    }

    @Test func aSilentPostgresServerTimesOut() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let start = Date()
        let url = "postgresql://me@127.0.0.1:\(listener.port)/runs?sslmode=disable&connect_timeout=2"
        let result = try QuireRunner.run(["serve", "--store", url, "--port", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.lowercased().contains("timeout"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 60, "connect_timeout bounds the wait")
    }

    @Test func badUsersFileNamesTheLine() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "alice:pw\nbroken line\n".write(toFile: folder + "/users", atomically: true, encoding: .utf8)
        let result = try QuireRunner.run(["serve", "--users", folder + "/users", "--port", "0"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("line 2"))
    }

    static func get(_ url: String, token: String? = nil) throws -> (status: Int, body: String) {
        try RawHTTP.get(url, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
    }
}
