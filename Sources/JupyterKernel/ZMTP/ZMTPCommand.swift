/// A ZMTP command: `name-length | name | data` in a frame with the COMMAND flag.
public struct ZMTPCommand: Sendable, Equatable {
    public var name: String
    public var data: [UInt8]

    public init(name: String, data: [UInt8] = []) {
        self.name = name
        self.data = data
    }

    public var frame: ZMTPFrame {
        let nameBytes = Array(name.utf8)
        return ZMTPFrame(body: [UInt8(nameBytes.count)] + nameBytes + data, isCommand: true)
    }

    public init(frame: ZMTPFrame) throws(ZMTPError) {
        let body = frame.body
        guard let length = body.first, body.count >= 1 + Int(length) else { throw ZMTPError("truncated command frame") }
        name = String(decoding: body[1..<1 + Int(length)], as: UTF8.self)
        data = Array(body[(1 + Int(length))...])
    }

    /// READY with its properties in order (`Socket-Type`, `Identity`, ...).
    public static func ready(_ properties: [(String, [UInt8])]) -> ZMTPCommand {
        var data: [UInt8] = []
        for (name, value) in properties {
            data.append(UInt8(name.utf8.count))
            data += Array(name.utf8)
            let size = UInt32(value.count)
            data += [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)]
            data += value
        }
        return ZMTPCommand(name: "READY", data: data)
    }

    /// The properties of a READY command; names as sent (compare them case-insensitively).
    public func properties() throws(ZMTPError) -> [(name: String, value: [UInt8])] {
        var out: [(name: String, value: [UInt8])] = []
        var i = 0
        while i < data.count {
            let nameLength = Int(data[i])
            guard i + 1 + nameLength + 4 <= data.count else { throw ZMTPError("truncated READY property") }
            let name = String(decoding: data[(i + 1)..<(i + 1 + nameLength)], as: UTF8.self)
            i += 1 + nameLength
            let size = data[i..<i + 4].reduce(0) { $0 << 8 | Int($1) }
            i += 4
            guard i + size <= data.count else { throw ZMTPError("truncated READY property value") }
            out.append((name, Array(data[i..<i + size])))
            i += size
        }
        return out
    }

    /// The value of one READY property, matched case-insensitively.
    public func property(_ name: String) -> [UInt8]? {
        (try? properties())?.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
