import Foundation
import Hummingbird
import NIOCore

/// A request body read strictly as one JSON object: malformed JSON, another top-level value or an unknown field is
/// a 400 naming the problem, and a field of the wrong type is a 400 naming the field.
struct JSONBody {
    /// The largest body the API reads; a larger one is answered 413.
    static let maximumSize = 64 * 1024

    private let fields: [String: Any]

    /// Reads the body of `request` (413 beyond ``maximumSize``), whose fields must all be in `allowed`; with
    /// `emptyAllowed`, no body at all reads as no fields.
    init(_ request: Request, allowed: Set<String>, emptyAllowed: Bool = false) async throws {
        let buffer = try await request.collectBody(upTo: Self.maximumSize, what: "the body")
        try self.init(emptyAllowed && buffer.readableBytes == 0 ? ByteBuffer(string: "{}") : buffer, allowed: allowed)
    }

    /// Parses `buffer`, whose fields must all be in `allowed`.
    init(_ buffer: ByteBuffer, allowed: Set<String>) throws {
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            throw APIError(.badRequest, "the body must be a JSON object")
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError(.badRequest, "unknown field '\(unknown)'")
        }
        self.fields = fields
    }

    /// The non-empty string field `name`; nil when absent or null.
    func string(_ name: String) throws -> String? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        guard let text = value as? String, !text.isEmpty else {
            throw APIError(.badRequest, "field '\(name)' must be a non-empty string")
        }
        return text
    }
}
