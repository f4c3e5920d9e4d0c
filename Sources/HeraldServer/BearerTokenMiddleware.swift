import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN` naming the configured token; otherwise 401.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The configured token; nil when the server has none, which refuses every request.
    let token: @Sendable () async -> String?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let expected = await token() else {
            throw APIError(.unauthorized, "the server has no api_token configured")
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(.unauthorized, "missing bearer token")
        }
        guard Self.constantTimeEqual(Array(header.utf8.dropFirst("Bearer ".utf8.count)), Array(expected.utf8)) else {
            throw APIError(.unauthorized, "wrong bearer token")
        }
        return try await next(request, context)
    }

    /// Compares every byte whatever the first difference, so the time taken tells nothing but the length.
    static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
