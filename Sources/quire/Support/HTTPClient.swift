#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `http://host:port/prefix`, parsed from `--server` or `MLFLOW_TRACKING_URI`.
struct HTTPEndpoint: Equatable {
    var host: String
    var port: UInt16
    var prefix: String

    init(parsing text: String) throws(RunsError) {
        guard text.hasPrefix("http://") else {
            throw RunsError("\(text): only http:// tracking URIs are supported.", exitCode: 64)
        }
        let rest = text.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("/") { path.removeLast() }
        prefix = path
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let port = UInt16(authority[authority.index(after: colon)...]) else {
                throw RunsError("\(text): bad port.", exitCode: 64)
            }
            self.port = port
            host = String(authority[..<colon])
        } else {
            port = 80
            host = String(authority)
        }
        host = host.trimmingBrackets()
        if host.isEmpty { throw RunsError("\(text): no host.", exitCode: 64) }
    }

    var display: String { "http://\(host):\(port)\(prefix)" }
}

/// A small blocking HTTP/1.1 client: one request per connection (`Connection: close`).
struct HTTPClient: Sendable {
    var endpoint: HTTPEndpoint
    var bearerToken: String?

    struct Response {
        var status: Int
        var body: [UInt8]
    }

    func send(method: String, path: String, body: [UInt8]? = nil) throws(RunsError) -> Response {
        let fd = try connect()
        defer { close(fd) }
        var head = "\(method) \(endpoint.prefix)\(path) HTTP/1.1\r\nHost: \(endpoint.host):\(endpoint.port)\r\n"
        head += "Connection: close\r\nAccept: application/json\r\nUser-Agent: quire\r\n"
        if let bearerToken, !bearerToken.isEmpty { head += "Authorization: Bearer \(bearerToken)\r\n" }
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + (body ?? [])
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw unreachable("the connection closed while sending") }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0 { throw unreachable("no answer (timed out)") }
            if count == 0 { break }
            response += buffer[0..<count]
        }
        return try HTTPResponseParser.parse(response, from: endpoint.display)
    }

    private func unreachable(_ reason: String) -> RunsError {
        RunsError("Cannot reach the tracking server at \(endpoint.display): \(reason).", exitCode: 69)
    }

    private func connect() throws(RunsError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list) == 0, let first = list else {
            throw unreachable("cannot resolve \(endpoint.host)")
        }
        defer { freeaddrinfo(list) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var timeout = timeval(tv_sec: 30, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                close(fd)
            }
            cursor = info.pointee.ai_next
        }
        throw unreachable("connection refused")
    }
}

extension String {
    fileprivate func trimmingBrackets() -> String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }
}
