import NotebookFormat
import Testing
@testable import JupyterKernel

@Suite("Jupyter message signing")
struct MessageSigningTests {
    @Test func hmacMatchesRFC4231OverSplitParts() {
        // RFC 4231 test case 2; the signature is over the concatenated parts.
        let signer = MessageSigner(key: "Jefe")
        let parts = ["what do ", "ya want ", "for nothing?", ""].map { Array($0.utf8) }
        #expect(String(decoding: signer.signature(parts), as: UTF8.self) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func signatureOverTheFourDictsAsPythonComputesIt() {
        // hmac.new(b"a0b1c2", header + parent + metadata + content, sha256).hexdigest()
        let parts = [#"{"msg_id":"1"}"#, "{}", "{}", #"{"code":"print(1)"}"#].map { Array($0.utf8) }
        #expect(String(decoding: MessageSigner(key: "a0b1c2").signature(parts), as: UTF8.self)
            == "79b024cfbf843d71798fc7f9422547c05e8ed9be7ce87f110f5526f1f16cb78d")
        #expect(MessageSigner(key: "").signature(parts) == [])
    }

    @Test func framesRoundTripWithIdentitiesAndBuffers() throws {
        let signer = MessageSigner(key: "secret")
        var content = JSONObject()
        content["code"] = .string("print('é')")
        var message = MessageFactory(session: "s1", username: "u").message("execute_request", content: content)
        message.identities = [Array("stream.stdout".utf8)]
        message.buffers = [[1, 2, 3]]
        let frames = message.frames(signer: signer)
        #expect(frames[1] == JupyterMessage.delimiter)
        #expect(frames[2].count == 64)
        let decoded = try JupyterMessage(frames: frames, signer: signer)
        #expect(decoded == message)
        #expect(decoded.msgType == "execute_request")
        #expect(decoded.header["session"] == .string("s1"))
        #expect(decoded.header.keys == ["msg_id", "session", "username", "date", "msg_type", "version"])
    }

    @Test func badSignatureAndMissingDelimiterAreRejected() {
        let signer = MessageSigner(key: "secret")
        var frames = MessageFactory().message("kernel_info_request", content: JSONObject()).frames(signer: signer)
        frames[1][0] = frames[1][0] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(throws: JupyterProtocolError.self) { try JupyterMessage(frames: frames, signer: signer) }
        #expect(throws: JupyterProtocolError.self) { try JupyterMessage(frames: Array(frames.dropFirst()), signer: signer) }
    }

    @Test func headerDatesAreNormalisedAsNbclientFormatsThem() {
        #expect(MessageDate.normalized("2026-11-27T10:53:32.979765Z") == "2026-11-27T10:53:32.979765Z")
        #expect(MessageDate.normalized("2026-11-27T10:53:32.9Z") == "2026-11-27T10:53:32.900000Z")
        #expect(MessageDate.normalized("2026-11-27T10:53:32+00:00") == "2026-11-27T10:53:32.000000Z")
        #expect(Timestamp.format(seconds: 0, microseconds: 42) == "1970-01-01T00:00:00.000042Z")
    }

    @Test func idsAreUUID4Hex() {
        let id = RandomID.uuidHex()
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        #expect(Array(id)[12] == "4")
        #expect(id != RandomID.uuidHex())
    }
}
