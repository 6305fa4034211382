import PostgresTestSupport
import Testing
import Tracking
import TrackingPostgres

/// Bad URLs and unreachable servers give a clear ``TrackingError`` quickly: no crash, no hang.
struct PostgresConnectionTests {
    @Test(arguments: [
        ("mysql://u@h/db", "must start with postgresql://"),
        ("postgresql://u@h", "names no database"),
        ("postgresql://h/db", "names no user"),
        ("postgresql://u@h:99999/db", "port '99999'"),
        ("postgresql://u@h:abc/db", "port 'abc'"),
        ("postgresql://u:secret@h/db?sslmode=maybe", "sslmode 'maybe'"),
        ("postgresql://u@h/db?sslmod=disable", "unknown parameter 'sslmod'"),
        ("postgresql://u@/db", "names no host"),
        ("postgresql://u@h/db?connect_timeout=0", "connect_timeout"),
    ])
    func badURLsAreRejectedWithTheReason(_ url: String, _ reason: String) async throws {
        do {
            _ = try await PostgresRunStore(url: url)
            Issue.record("\(url) was accepted")
        } catch let error as TrackingError {
            #expect(error.code == .invalidParameterValue)
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(!error.message.contains("secret"), "the password is never shown")
        }
    }

    @Test func urlsParseAsLibpqReadsThem() throws {
        let full = try PostgresURL("postgres://us%40er:p%3Ass@[::1]:6543/my%20db?sslmode=require&connect_timeout=3")
        #expect(full.user == "us@er" && full.password == "p:ss" && full.host == "::1" && full.port == 6543)
        #expect(full.database == "my db" && full.sslMode == .require && full.connectTimeout == 3)
        #expect(full.description == "postgresql://us@er:***@[::1]:6543/my db")
        let plain = try PostgresURL("postgresql://quire@db.local/tracking")
        #expect(plain.port == 5432 && plain.password == nil && plain.sslMode == .prefer)
    }

    /// Nothing listens on the port: refused at once, reported as 503-class with the place.
    @Test func refusedConnectionIsTemporarilyUnavailable() async throws {
        do {
            _ = try await PostgresRunStore(url: "postgresql://quire@127.0.0.1:1/tracking?sslmode=disable")
            Issue.record("connected to port 1")
        } catch let error as TrackingError {
            #expect(error.code == .temporarilyUnavailable, "\(error)")
            #expect(error.message.contains("127.0.0.1:1"), "\(error.message)")
        }
    }

    // How long these take is checked in a process of its own (ServeCommandTests runs `quire
    // serve` against both): inside this suite a finished connect waits for a free thread to
    // resume the test, seen from 0.02 s alone to 122 s under the whole suite on two busy cores.

    /// A listener that never answers the start-up message: the connect timeout bounds the wait.
    @Test func silentServerTimesOut() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        var options = PostgresRunStore.Options()
        options.connectTimeout = .seconds(1)
        do {
            _ = try await PostgresRunStore(url: "postgresql://quire@127.0.0.1:\(listener.port)/db?sslmode=disable", options: options)
            Issue.record("connected to a silent listener")
        } catch let error as TrackingError {
            #expect(error.code == .temporarilyUnavailable, "\(error)")
            // Ours ("no answer within") or the socket's ("Connect timeout"), whichever fires first.
            #expect(error.message.lowercased().contains("timeout"), "\(error.message)")
        }
    }

    @Test(requiresPostgres) func missingDatabaseNamesTheCause() async throws {
        let url = try await PostgresTestServer.shared.newDatabase()
        let missing = String(url[...(url.lastIndex(of: "/") ?? url.startIndex)]) + "no_such_database"
        do {
            _ = try await PostgresRunStore(url: missing)
            Issue.record("connected to a missing database")
        } catch let error as TrackingError {
            #expect(error.message.contains("no_such_database"), "\(error.message)")
            #expect(error.message.contains("does not exist"), "\(error.message)")
        }
    }
}
