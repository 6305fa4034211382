#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// A non-blocking loopback TCP connection with TCP_NODELAY; every wait is bounded by a deadline.
public final class TCPStream {
    public let fd: Int32
    private var isClosed = false

    private init(fd: Int32) { self.fd = fd }

    deinit { close() }

    /// Connects to `host:port` (IPv4 literal), failing with ECONNREFUSED-style errors at once.
    public static func connect(host: String, port: UInt16, timeout: Double) throws(ZMTPError) -> TCPStream {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ZMTPError("socket(): \(String(cString: strerror(errno)))") }
        let stream = TCPStream(fd: fd)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw ZMTPError("bad IPv4 address \(host)") }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            guard errno == EINPROGRESS else { throw ZMTPError("connect \(host):\(port): \(String(cString: strerror(errno)))") }
            guard stream.wait(for: Int16(POLLOUT), until: MonotonicClock.now + timeout) else {
                throw ZMTPError("connect \(host):\(port): timed out")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { throw ZMTPError("connect \(host):\(port): \(String(cString: strerror(error)))") }
        }
        return stream
    }

    /// Writes everything, waiting while the socket buffer is full.
    public func write(_ bytes: [UInt8], deadline: Double = MonotonicClock.now + 30) throws(ZMTPError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard wait(for: Int16(POLLOUT), until: deadline) else { throw ZMTPError("write timed out") }
            } else {
                throw ZMTPError("the connection closed while writing (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// Reads what is available now; nil at end of stream, [] when nothing is there.
    public func readAvailable() throws(ZMTPError) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { return Array(chunk[0..<n]) }
        if n == 0 { return nil }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return [] }
        if errno == ECONNRESET { return nil }
        throw ZMTPError("read: \(String(cString: strerror(errno)))")
    }

    /// Waits until the socket is readable (or writable); false on timeout.
    public func wait(for events: Int16 = Int16(POLLIN), until deadline: Double) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let remaining = deadline - MonotonicClock.now
            if remaining <= 0 { return false }
            let result = poll(&entry, 1, Int32(min(remaining * 1000, 1_000_000)) + 1)
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }  // let the read report the error
        }
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = Glibc.close(fd)
    }
}

/// Seconds on a clock that never jumps, for deadlines and durations.
public enum MonotonicClock {
    public static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
