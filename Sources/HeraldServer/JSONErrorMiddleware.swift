import Hummingbird
import Logging

/// Answers every failure as JSON `{"error": "…"}`: Hummingbird's own errors (no route, body too large) keep their
/// status and text; any other error is a 500 whose detail goes to the log, not to the caller.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            throw APIError(error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            throw APIError(.internalServerError, "internal error")
        }
    }
}
