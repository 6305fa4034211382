import Hummingbird

/// Answers 401 with a JSON error unless the request carries a valid token or user; `/health`
/// stays open for load balancers and start-up probes.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: AccessControl

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.uri.path == "/health" || access.allows(authorization: request.headers[.authorization]) {
            return try await next(request, context)
        }
        throw APIError.unauthenticated
    }
}
