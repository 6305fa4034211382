import HTTPTypes
import NotebookFormat
import Testing
@testable import TrackingServer

@Suite struct AuthTests {
    @Test func bearerTokenIsRequiredExceptForHealth() async throws {
        try await TestServer(access: AccessControl(bearerToken: "s3cret")).test { api in
            let missing = try await api.get("experiments/search?max_results=10")
            #expect(missing.status == .unauthorized)
            #expect(missing.errorCode == "UNAUTHENTICATED")
            #expect(try await api.call(.get, "/health").status == .ok)
            var wrong = api
            wrong.headers[.authorization] = "Bearer nope"
            #expect(try await wrong.get("experiments/search").status == .unauthorized)
            var right = api
            right.headers[.authorization] = "Bearer s3cret"
            #expect(try await right.get("experiments/search").status == .ok)
        }
    }

    @Test func basicAuthWithPlainAndHashedPasswords() async throws {
        let users = try AccessControl.parseUsers("""
            # team
            alice:wonderland
            bob:sha256:\(SHA256.hex(Array("builder".utf8)))
            """)
        try await TestServer(access: AccessControl(users: users)).test { api in
            for (credentials, allowed) in [("alice:wonderland", true), ("bob:builder", true), ("bob:wrong", false), ("eve:x", false)] {
                var client = api
                client.headers[.authorization] = "Basic " + Self.base64(credentials)
                let status = try await client.get("experiments/search").status
                #expect(status == (allowed ? .ok : .unauthorized), "\(credentials)")
            }
        }
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)).hasPrefix("41edece42d63e8d9bf515a9ba6932e1c"))
    }

    @Test func usersFileErrorsNameTheLine() {
        #expect(throws: AccessControlError.self) { try AccessControl.parseUsers("ok:1\nbroken\n") }
        #expect(throws: AccessControlError.self) { try AccessControl.parseUsers("bob:sha256:abc") }
    }

    static func base64(_ text: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let bytes = Array(text.utf8)
        var out = ""
        for chunk in stride(from: 0, to: bytes.count, by: 3) {
            let part = bytes[chunk..<min(chunk + 3, bytes.count)]
            let value = part.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(16 - 8 * $1.offset) }
            for i in 0..<4 {
                out.append(i <= part.count ? alphabet[Int(value >> UInt32(18 - 6 * i) & 63)] : "=")
            }
        }
        return out
    }
}
