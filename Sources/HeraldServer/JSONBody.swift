import Foundation
import HeraldCore
import Hummingbird
import NIOCore

/// A request body read strictly as one JSON object: a body not sent as JSON is a 415; malformed JSON, another
/// top-level value, an unknown field, a field given twice or a NUL character in a string is a 400 naming the
/// problem, and a field of the wrong type is a 400 naming the field.
struct JSONBody {
    private let fields: [String: Any]

    /// Reads the body of `request` (413 beyond `limit` bytes), whose fields must all be in `allowed`; with
    /// `emptyAllowed`, no body at all reads as no fields, whatever its content type.
    init(_ request: Request, allowed: Set<String>, limit: Int, emptyAllowed: Bool = false) async throws {
        let buffer = try await request.collectBody(upTo: limit, what: "the body")
        if emptyAllowed && buffer.readableBytes == 0 {
            try self.init(ByteBuffer(string: "{}"), allowed: allowed)
            return
        }
        guard Self.isJSON(request.headers[.contentType]) else {
            throw APIError(.unsupportedMediaType, "the body must be sent with Content-Type: application/json")
        }
        try self.init(buffer, allowed: allowed)
    }

    /// Parses `buffer`, whose fields must all be in `allowed`.
    init(_ buffer: ByteBuffer, allowed: Set<String>) throws {
        let bytes = Array(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let fields = object as? [String: Any]
        else {
            throw APIError(.badRequest, "the body must be a JSON object")
        }
        if let problem = JSONStrictness.problem(in: bytes) {
            throw APIError(.badRequest, problem.description)
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError(.badRequest, "unknown field '\(unknown)'")
        }
        self.fields = fields
    }

    /// The non-empty string field `name`; nil when absent or null; 400 when it breaks ``FreeText``'s rule.
    func string(_ name: String) throws -> String? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        guard let text = value as? String, !text.isEmpty else {
            throw APIError(.badRequest, "field '\(name)' must be a non-empty string")
        }
        if let problem = FreeText.problem(in: text) { throw APIError(.badRequest, "field '\(name)' \(problem)") }
        return text
    }

    /// Whether the `Content-Type` value `header` names JSON: `application/json` or a `+json` type, any parameters.
    private static func isJSON(_ header: String?) -> Bool {
        guard let header else { return false }
        let type = header.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }
}
