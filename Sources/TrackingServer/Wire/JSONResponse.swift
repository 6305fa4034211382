import HTTPTypes
import Hummingbird
import NotebookFormat

/// JSON answers: compact, in MLflow's key order, `application/json`.
enum JSONResponse {
    static func ok(_ value: JSONValue) -> Response {
        make(.ok, value)
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
        let bytes = JSONWriter(indent: nil, sortKeys: false).bytes(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
