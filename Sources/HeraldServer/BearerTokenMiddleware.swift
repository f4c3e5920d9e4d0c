import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN` (the scheme in any case) naming the configured
/// token; otherwise 401.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The configured token; nil (or empty) when the server has none, which refuses every request.
    let token: @Sendable () async -> String?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let expected = await token(), !expected.isEmpty else {
            throw APIError(.unauthorized, "the server has no api_token configured")
        }
        guard let header = request.headers[.authorization], ConstantTime.bearerCredentials(header) != nil else {
            throw APIError(.unauthorized, "missing bearer token")
        }
        guard ConstantTime.isBearer(header, expected) else {
            throw APIError(.unauthorized, "wrong bearer token")
        }
        return try await next(request, context)
    }
}
