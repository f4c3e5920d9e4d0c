import Foundation
import HeraldCore

/// Renders `herald deliveries`: lines safe for a terminal (see ``TerminalText``), or JSON.
public enum DeliveryReport {
    /// `#42 msg_… #eng created 2026-11-30 09:00 · dead: HTTP 404 Not Found`; a replay ends
    /// `· replay of #41 by bob at 2026-12-01 10:15`.
    public static func line(_ delivery: DeliveryRecord, in zone: TimeZone) -> String {
        let created = ConsoleLine.localTime(delivery.createdAt, in: zone)
        return TerminalText.safe(
            "#\(delivery.id) \(delivery.messageID) #\(delivery.channel) created \(created) · "
                + LogReport.state(delivery, in: zone) + LogReport.replay(delivery, in: zone)
        )
    }

    /// The deliveries as a JSON array.
    public static func json(_ deliveries: [DeliveryRecord]) -> String {
        JSONOutput.pretty(deliveries.map(Item.init))
    }

    /// One delivery as a JSON object, as in the array.
    public static func json(_ delivery: DeliveryRecord) -> String {
        JSONOutput.pretty(Item(delivery))
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
        var replayOf: Int64?
        var replayedBy: String?

        init(_ delivery: DeliveryRecord) {
            id = delivery.id
            messageID = delivery.messageID
            channel = delivery.channel
            state = delivery.state.rawValue
            attempts = delivery.attempts
            nextAttemptAt = ISO8601.string(delivery.nextAttemptAt)
            createdAt = ISO8601.string(delivery.createdAt)
            deliveredAt = delivery.deliveredAt.map(ISO8601.string)
            latencyMs = delivery.latencyMilliseconds
            error = delivery.lastError
            replayOf = delivery.replayOf
            replayedBy = delivery.replayedBy
        }

        enum CodingKeys: String, CodingKey {
            case id, messageID = "message_id", channel, state, attempts, nextAttemptAt = "next_attempt_at"
            case createdAt = "created_at", deliveredAt = "delivered_at", latencyMs = "latency_ms", error
            case replayOf = "replay_of", replayedBy = "replayed_by"
        }
    }
}
