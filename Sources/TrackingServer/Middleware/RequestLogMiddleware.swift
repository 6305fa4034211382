import Hummingbird

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line per request on stderr, in logfmt:
/// `method=POST path=/api/2.0/mlflow/runs/log-metric status=200 duration_ms=0.41`.
/// It sits outside ``ErrorMiddleware``, so it logs the status the client saw.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            Self.log(request, status: response.status.code, since: start)
            return response
        } catch {
            Self.log(request, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    static func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let millis = "\(micros / 1000).\(String(micros % 1000 / 10).leftPadded(to: 2))"
        let line = "method=\(request.method) path=\(quoted(request.uri.path)) status=\(status) duration_ms=\(millis)\n"
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { raw in _ = write(2, raw.baseAddress, raw.count) }
    }

    /// Paths are logged as sent; one with spaces or quotes is quoted so the line stays parseable.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return text }
        var escaped = "\""
        for character in text {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + "\""
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
