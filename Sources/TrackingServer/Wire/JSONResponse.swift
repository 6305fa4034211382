import HTTPTypes
import Hummingbird
import NotebookFormat

/// JSON answers: compact, in MLflow's key order, `application/json`.
enum JSONResponse {
    static func ok(_ answer: any WireAnswer) -> Response {
        make(.ok, bytes: answer.jsonBytes)
    }

    static func error(_ error: APIError) -> Response {
        var response = make(
            error.status, Wire.object([("error_code", .string(error.code)), ("message", .string(error.message))]))
        if error.status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Basic realm=\"quire\", Bearer"
        }
        return response
    }

    static func make(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        make(status, bytes: value.jsonBytes)
    }

    static func make(_ status: HTTPResponse.Status, bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// What an endpoint answers: a small tree, or the bytes of a ``WireWriter`` for big answers.
protocol WireAnswer: Sendable {
    var jsonBytes: [UInt8] { get }
}

extension JSONValue: WireAnswer {
    var jsonBytes: [UInt8] { JSONWriter(indent: nil, sortKeys: false).bytes(self) }
}

/// An answer written by a ``WireWriter``.
struct WireBytes: WireAnswer {
    let jsonBytes: [UInt8]

    /// An object written field by field; `capacity` is a guess of its size in bytes.
    init(capacity: Int = 256, _ fields: (inout WireWriter) -> Void) {
        jsonBytes = WireWriter.encode(capacity: capacity) { $0.object(fields) }
    }
}
