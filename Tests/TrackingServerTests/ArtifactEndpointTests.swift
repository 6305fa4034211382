import Foundation
import HTTPTypes
import NotebookFormat
import Testing

@Suite struct ArtifactEndpointTests {
    static let base = "/api/2.0/mlflow-artifacts/artifacts"

    @Test func uploadListDownloadDelete() async throws {
        let server = TestServer()
        try await server.test { api in
            let put = try await api.call(.put, "\(Self.base)/1/abc/artifacts/hello.txt", bytes: Array("hello world\n".utf8))
            #expect(put.status == .ok && put.json == .object(JSONObject()))
            _ = try await api.call(.put, "\(Self.base)/1/abc/artifacts/outdir/inner/b%20c.txt", bytes: [1, 2, 3])
            let root = try await api.call(.get, "\(Self.base)?path=1%2Fabc%2Fartifacts")
            #expect(root["files.0"] == .object(JSONObject([
                "path": .string("hello.txt"), "is_dir": .bool(false), "file_size": .int(12),
            ])))
            #expect(root["files.1"] == .object(JSONObject(["path": .string("outdir"), "is_dir": .bool(true)])))
            let inner = try await api.call(.get, "\(Self.base)?path=1/abc/artifacts/outdir/inner")
            #expect(inner["files.0.path"] == .string("b c.txt"))
            let file = try await api.call(.get, "\(Self.base)?path=1/abc/artifacts/hello.txt")
            #expect(file.json == .object(JSONObject()))
            let download = try await api.call(.get, "\(Self.base)/1/abc/artifacts/hello.txt")
            #expect(download.status == .ok && download.body == Array("hello world\n".utf8))
            #expect(try await api.call(.get, "/ajax-api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/hello.txt").status == .ok)
            #expect(try await api.call(.delete, "\(Self.base)/1/abc/artifacts/outdir").status == .ok)
            #expect(try await api.call(.get, "\(Self.base)?path=1/abc/artifacts")["files"]?.arrayValue?.count == 1)
            #expect(try await api.call(.get, "\(Self.base)/1/abc/artifacts/missing.txt").status == .notFound)
        }
    }

    static let traversals = [
        "../secret", "1/../../secret", "1/%2e%2e/%2E%2E/secret", "1/..%2fsecret", "1/%252e%252e/secret",
        "1/a%5c..%5csecret", "%2fetc/passwd",
    ]

    @Test(arguments: traversals)
    func traversalIsRejectedOnEveryEndpoint(path: String) async throws {
        let server = TestServer()
        try await server.test { api in
            for method in [HTTPRequestMethod.put, .get, .delete] {
                let answer = try await api.call(method.method, "\(Self.base)/\(path)", bytes: [1])
                #expect(answer.status == .badRequest, "\(method) \(path) → \(answer.status)")
                #expect(answer.errorCode == "INVALID_PARAMETER_VALUE")
                #expect(answer.message.contains("Invalid artifact path"))
            }
            let listed = try await api.call(.get, "\(Self.base)?path=\(path)")
            #expect(listed.status == .badRequest, "list \(path) → \(listed.status)")
            let absolute = try await api.call(.get, "\(Self.base)?path=%2Fetc")
            #expect(absolute.status == .badRequest)
            #expect(!FileManager.default.fileExists(atPath: server.artifactRoot + "/../secret"))
        }
    }

    @Test func oversizeUploadIs413AndLeavesNothing() async throws {
        let server = TestServer(maxArtifactBytes: 10)
        try await server.test { api in
            let answer = try await api.call(.put, "\(Self.base)/1/r/artifacts/big.bin", bytes: Array(repeating: 7, count: 100))
            #expect(answer.status == .contentTooLarge)
            let left = (try? FileManager.default.contentsOfDirectory(atPath: server.artifactRoot + "/1/r/artifacts")) ?? []
            #expect(left.isEmpty)
        }
    }
}

/// The methods the traversal test sends, printable in test names.
enum HTTPRequestMethod: CustomStringConvertible {
    case put, get, delete
    var method: HTTPRequest.Method { self == .put ? .put : self == .get ? .get : .delete }
    var description: String { method.rawValue }
}
