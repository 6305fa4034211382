import Hummingbird
import Tracking

/// Turns every error into MLflow's JSON error body: API errors with their status, Hummingbird's
/// own (unknown route, wrong method, body too large) with theirs, anything else as 500.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return JSONResponse.error(Self.apiError(error, request: request))
        }
    }

    static func apiError(_ error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as TrackingError:
            return APIError(error)
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                return APIError(.notFound, "ENDPOINT_NOT_FOUND", "No API endpoint \(request.method) \(request.uri.path).")
            case .methodNotAllowed:
                return APIError(.methodNotAllowed, "BAD_REQUEST", "Method \(request.method) is not allowed on \(request.uri.path).")
            case .contentTooLarge:
                return APIError(.contentTooLarge, "INVALID_PARAMETER_VALUE", "The request body is too large.")
            default:
                return APIError(error.status, error.status.code < 500 ? "BAD_REQUEST" : "INTERNAL_ERROR",
                                error.body ?? error.status.reasonPhrase)
            }
        default:
            return APIError(.internalServerError, "INTERNAL_ERROR", "\(error)")
        }
    }
}
