import Foundation

/// A minimal HTTP/1.1 GET over a loopback socket. URLSession on Linux waits for a credential
/// delegate on a 401 challenge, so the tests that check 401s speak HTTP themselves.
enum RawHTTP {
    struct Failure: Error {
        var message: String
    }

    static func get(_ url: String, headers: [String: String] = [:]) throws -> (status: Int, body: String) {
        try request("GET", url, headers: headers)
    }

    /// A POST with a JSON body.
    static func post(_ url: String, json: String, headers: [String: String] = [:]) throws -> (status: Int, body: String) {
        var headers = headers
        headers["Content-Type"] = "application/json"
        headers["Content-Length"] = String(json.utf8.count)
        return try request("POST", url, headers: headers, body: json)
    }

    static func request(_ method: String, _ url: String, headers: [String: String] = [:], body: String = "") throws
        -> (status: Int, body: String)
    {
        guard let rest = url.split(separator: "//").last, let colon = rest.lastIndex(of: ":") else {
            throw Failure(message: "bad URL \(url)")
        }
        let hostPort = rest.prefix { $0 != "/" }
        let port = UInt16(hostPort[hostPort.index(after: colon)...]) ?? 0
        let path = String(rest.dropFirst(hostPort.count)).isEmpty ? "/" : String(rest.dropFirst(hostPort.count))
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "socket failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(message: "connect to port \(port) failed") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        let bytes = Array((request + "\r\n" + body).utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure(message: "send failed") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let statusText = text.split(separator: " ", maxSplits: 2).dropFirst().first, let status = Int(statusText),
            let split = text.range(of: "\r\n\r\n")
        else { throw Failure(message: "bad response: \(text.prefix(200))") }
        return (status, String(text[split.upperBound...]))
    }
}
