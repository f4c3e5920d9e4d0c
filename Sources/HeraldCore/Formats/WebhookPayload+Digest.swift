import Foundation

extension WebhookPayload {
    /// The `data.digest` object of a digest message: the report's structure with snake_case keys (`due_soon`,
    /// `owner_name`, `business_days`, `acknowledged_by`, `window_end`), times RFC 3339 UTC, dates `YYYY-MM-DD`,
    /// keys sorted; absent optional fields are left out.
    public static func digestJSON(_ report: DigestReport) -> [UInt8] {
        Array((try? digestEncoder.encode(report)) ?? Data("null".utf8))
    }

    private static let digestEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(date))
        }
        return encoder
    }()
}
