/// The 64-byte ZMTP 3 greeting (RFC 23 / 37) with the NULL mechanism.
public struct ZMTPGreeting: Sendable, Equatable {
    public static let size = 64

    public var major: UInt8
    public var minor: UInt8
    public var mechanism: String
    public var asServer: Bool

    public init(major: UInt8 = 3, minor: UInt8 = 1, mechanism: String = "NULL", asServer: Bool = false) {
        self.major = major
        self.minor = minor
        self.mechanism = mechanism
        self.asServer = asServer
    }

    /// Signature, version, mechanism padded with NULs, as-server, filler.
    public var bytes: [UInt8] {
        var out: [UInt8] = [0xFF] + [UInt8](repeating: 0, count: 8) + [0x7F, major, minor]
        var name = Array(mechanism.utf8.prefix(20))
        name += [UInt8](repeating: 0, count: 20 - name.count)
        out += name
        out.append(asServer ? 1 : 0)
        out += [UInt8](repeating: 0, count: 31)
        return out
    }

    /// Reads a peer's greeting. The padding (bytes 1–8) is not significant: libzmq sends
    /// `00…01` there, so only the first byte and bit 0 of byte 9 are checked.
    public static func parse(_ bytes: [UInt8]) throws(ZMTPError) -> ZMTPGreeting {
        guard bytes.count >= size, bytes[0] == 0xFF, bytes[9] & 1 == 1 else {
            throw ZMTPError("the peer did not send a ZMTP signature")
        }
        guard bytes[10] >= 3 else { throw ZMTPError("the peer speaks ZMTP \(bytes[10]).x; 3.0 or later is needed") }
        let name = bytes[12..<32].prefix { $0 != 0 }
        let mechanism = String(decoding: name, as: UTF8.self)
        return ZMTPGreeting(major: bytes[10], minor: bytes[11], mechanism: mechanism, asServer: bytes[32] != 0)
    }
}

/// A broken ZMTP conversation: bad greeting, ERROR command, unexpected frame, closed connection.
public struct ZMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
