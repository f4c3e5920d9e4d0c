import Foundation
import HeraldCore

/// Renders `herald deliveries`.
public enum DeliveryReport {
    /// `#42 msg_… #eng dead (3 attempts) created 2026-11-30 09:00: HTTP 404 Not Found`.
    public static func line(_ delivery: DeliveryRecord, in zone: TimeZone) -> String {
        let created = ConsoleLine.localTime(delivery.createdAt, in: zone)
        return "#\(delivery.id) \(delivery.messageID) #\(delivery.channel) created \(created) · "
            + LogReport.state(delivery, in: zone)
    }

    /// The deliveries as a JSON array.
    public static func json(_ deliveries: [DeliveryRecord]) -> String {
        let items = deliveries.map { delivery in
            Item(
                id: delivery.id, messageID: delivery.messageID, channel: delivery.channel,
                state: delivery.state.rawValue, attempts: delivery.attempts,
                nextAttemptAt: ISO8601.string(delivery.nextAttemptAt), createdAt: ISO8601.string(delivery.createdAt),
                deliveredAt: delivery.deliveredAt.map(ISO8601.string), latencyMs: delivery.latencyMilliseconds,
                error: delivery.lastError
            )
        }
        return JSONOutput.pretty(items)
    }

    private struct Item: Encodable {
        var id: Int64
        var messageID: String
        var channel: String
        var state: String
        var attempts: Int
        var nextAttemptAt: String
        var createdAt: String
        var deliveredAt: String?
        var latencyMs: Double?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case id, messageID = "message_id", channel, state, attempts, nextAttemptAt = "next_attempt_at"
            case createdAt = "created_at", deliveredAt = "delivered_at", latencyMs = "latency_ms", error
        }
    }
}
