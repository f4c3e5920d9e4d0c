import Foundation
import HeraldCore
import Hummingbird
import NIOCore

/// A request body read as `application/x-www-form-urlencoded` (what chat platforms post for a slash command, and
/// what the pages' forms post): the raw bytes, which a signature covers, and the decoded fields.
struct FormBody {
    /// The body exactly as received.
    let raw: [UInt8]
    private let fields: [String: String]

    /// Reads the body of `request`: 413 beyond `limit` bytes, saying `what` is too large; 400 when a field's name or
    /// value breaks ``FreeText``'s rule (too long, or a control character such as NUL, `%00`, which would cut a
    /// stored note or a log line short).
    init(_ request: Request, limit: Int, what: String = "the body") async throws {
        let buffer = try await request.collectBody(upTo: limit, what: what)
        self.init(Array(buffer.readableBytesView))
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let problem = FreeText.problem(in: name) ?? FreeText.problem(in: value) else { continue }
            let shown = String(name.unicodeScalars.filter { $0.properties.generalCategory != .control })
            throw APIError(.badRequest, "form field '\(shown.prefix(64))' \(problem)")
        }
    }

    /// Decodes `raw`: `&`-separated `name=value` pairs, `+` for a space, percent-escapes; the first of a repeated
    /// name counts.
    init(_ raw: [UInt8]) {
        self.raw = raw
        var fields: [String: String] = [:]
        for pair in String(decoding: raw, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? Self.decoded(parts[1]) : "" }
        }
        self.fields = fields
    }

    /// The field `name`, nil when absent.
    subscript(_ name: String) -> String? { fields[name] }

    /// The non-empty field `name`; 400 when absent or empty.
    func required(_ name: String) throws -> String {
        guard let value = fields[name], !value.isEmpty else {
            throw APIError(.badRequest, "form field '\(name)' is required")
        }
        return value
    }

    private static func decoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
