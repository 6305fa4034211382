#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import NotebookFormat

/// Makes request headers for one client session: a fresh msg_id for each message (the kernel
/// refuses a signature it has seen before), our session id, the user name, a UTC date.
public struct MessageFactory: Sendable {
    public let session: String
    public let username: String

    public init(session: String = RandomID.uuidHex(), username: String = MessageFactory.currentUser()) {
        self.session = session
        self.username = username
    }

    public func message(_ type: String, content: JSONObject, parent: JSONObject = JSONObject()) -> JupyterMessage {
        var header = JSONObject()
        header["msg_id"] = .string(RandomID.uuidHex())
        header["session"] = .string(session)
        header["username"] = .string(username)
        header["date"] = .string(Timestamp.now())
        header["msg_type"] = .string(type)
        header["version"] = .string("5.3")
        return JupyterMessage(header: header, parentHeader: parent, content: content)
    }

    public static func currentUser() -> String {
        if let name = getenv("USER") { return String(cString: name) }
        return "quire"
    }
}

/// Random identifiers from the system generator (getrandom).
public enum RandomID {
    /// 32 lowercase hex digits, as Python's `uuid4().hex`.
    public static func uuidHex() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// Wall-clock UTC timestamps as `%Y-%m-%dT%H:%M:%S.%fZ`, the form ipykernel and nbclient write.
public enum Timestamp {
    public static func now() -> String {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return format(seconds: Int(time.tv_sec), microseconds: Int(time.tv_nsec) / 1000)
    }

    public static func format(seconds: Int, microseconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(microseconds), 6))Z"
    }
}
