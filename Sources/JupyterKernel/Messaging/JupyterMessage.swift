import NotebookFormat

/// One Jupyter message (messaging spec 5.x): routing identities, four JSON dicts and raw buffers.
public struct JupyterMessage: Sendable, Equatable {
    public static let delimiter = Array("<IDS|MSG>".utf8)

    public var identities: [[UInt8]] = []
    public var header: JSONObject
    public var parentHeader: JSONObject
    public var metadata: JSONObject
    public var content: JSONObject
    public var buffers: [[UInt8]] = []

    public init(header: JSONObject, parentHeader: JSONObject = JSONObject(), metadata: JSONObject = JSONObject(), content: JSONObject) {
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
    }

    public var msgType: String { header["msg_type"]?.stringValue ?? "" }
    public var msgID: String { header["msg_id"]?.stringValue ?? "" }
    public var parentMsgID: String? { parentHeader["msg_id"]?.stringValue }
    /// The header's `date` as sent (ISO-8601, kernel clock).
    public var date: String? { header["date"]?.stringValue }

    /// The frames to send: identities, delimiter, signature, header, parent, metadata, content, buffers.
    public func frames(signer: MessageSigner) -> [[UInt8]] {
        let writer = JSONWriter(indent: nil, sortKeys: false)
        let parts = [header, parentHeader, metadata, content].map { writer.bytes(.object($0)) }
        return identities + [Self.delimiter, signer.signature(parts)] + parts + buffers
    }

    /// Reads a received message, checking the signature over the bytes exactly as received.
    public init(frames: [[UInt8]], signer: MessageSigner) throws(JupyterProtocolError) {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw JupyterProtocolError("message without <IDS|MSG> delimiter") }
        guard frames.count >= split + 6 else { throw JupyterProtocolError("message with \(frames.count - split - 1) frames after the delimiter; 5 expected") }
        let parts = Array(frames[(split + 2)..<(split + 6)])
        guard signer.isValid(frames[split + 1], for: parts) else { throw JupyterProtocolError("message with an invalid signature") }
        var dicts: [JSONObject] = []
        for part in parts {
            guard case .object(let object)? = try? JSONParser.parse(part) else { throw JupyterProtocolError("message part is not a JSON object") }
            dicts.append(object)
        }
        self.init(header: dicts[0], parentHeader: dicts[1], metadata: dicts[2], content: dicts[3])
        identities = Array(frames[..<split])
        buffers = Array(frames[(split + 6)...])
    }
}

/// A message that breaks the Jupyter wire protocol.
public struct JupyterProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
