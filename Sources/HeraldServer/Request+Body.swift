import Hummingbird
import NIOCore

extension Request {
    /// The whole body, at most `limit` bytes; beyond, a 413 saying `what` is larger than that.
    func collectBody(upTo limit: Int, what: String) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "\(what) is larger than \(limit) bytes")
        }
    }
}
