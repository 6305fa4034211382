#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import NotebookFormat

/// The connection file a client writes before launching a kernel: loopback TCP ports for the
/// five channels and the signing key.
public struct ConnectionInfo: Sendable, Equatable {
    public var ip = "127.0.0.1"
    public var shellPort: UInt16
    public var iopubPort: UInt16
    public var stdinPort: UInt16
    public var controlPort: UInt16
    public var hbPort: UInt16
    public var key: String
    public var kernelName: String

    public init(shellPort: UInt16, iopubPort: UInt16, stdinPort: UInt16, controlPort: UInt16, hbPort: UInt16, key: String, kernelName: String) {
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.hbPort = hbPort
        self.key = key
        self.kernelName = kernelName
    }

    /// Five distinct free ports (bound to port 0 together, then released; the kernel may still
    /// lose a race for one, which the launcher handles by retrying) and a random key.
    public static func allocate(kernelName: String) throws(KernelError) -> ConnectionInfo {
        var sockets: [Int32] = []
        defer { for fd in sockets { close(fd) } }
        var ports: [UInt16] = []
        for _ in 0..<5 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw KernelError(.launchFailed, "socket(): \(String(cString: strerror(errno)))") }
            sockets.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
                }
            }
            guard bound else { throw KernelError(.launchFailed, "no free loopback port: \(String(cString: strerror(errno)))") }
            ports.append(UInt16(bigEndian: address.sin_port))
        }
        return ConnectionInfo(
            shellPort: ports[0], iopubPort: ports[1], stdinPort: ports[2], controlPort: ports[3], hbPort: ports[4],
            key: RandomID.uuidHex(), kernelName: kernelName)
    }

    public var json: JSONValue {
        var object = JSONObject()
        object["shell_port"] = .int(Int(shellPort))
        object["iopub_port"] = .int(Int(iopubPort))
        object["stdin_port"] = .int(Int(stdinPort))
        object["control_port"] = .int(Int(controlPort))
        object["hb_port"] = .int(Int(hbPort))
        object["ip"] = .string(ip)
        object["key"] = .string(key)
        object["transport"] = .string("tcp")
        object["signature_scheme"] = .string("hmac-sha256")
        object["kernel_name"] = .string(kernelName)
        return .object(object)
    }

    /// Writes the file readable by its owner only (it holds the key).
    public func write(to path: String) throws(KernelError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw KernelError(.launchFailed, "cannot write the connection file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard FileIO.writeAll(JSONWriter(indent: 1, sortKeys: false).bytes(json) + [0x0A], to: fd) else {
            throw KernelError(.launchFailed, "cannot write the connection file \(path)")
        }
    }
}
