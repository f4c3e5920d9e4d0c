import Hummingbird
import NIOCore

/// An error the API answers with: a 4xx or 5xx status and the JSON body `{"error": "…"}`.
public struct APIError: HTTPResponseError, Sendable {
    /// The response status.
    public let status: HTTPResponse.Status
    /// What went wrong, in words for the caller; never a secret.
    public let message: String

    /// Creates an error answered with `status` and `message`.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The JSON error response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(["error": message], status: status)
    }
}
