import Foundation
import HeraldCore
import HeraldStore

/// Renders the communication log: chat-style lines for people, JSON for scripts.
public enum LogReport {
    /// `2026-11-30 09:00 #eng → @alice · reminder due-soon · Design sign-off … · delivered in 12 ms`.
    ///
    /// A message held for quiet hours shows `held until 2026-11-30 09:00 (why)` while it waits, and its delivery
    /// state followed by the same words once it has gone.
    public static func line(_ entry: LogEntry, in zone: TimeZone) -> String {
        let chat = ConsoleLine.line(for: entry.message, in: zone)
        let state = state(entry.delivery, in: zone)
        guard let until = entry.message.heldUntil else { return chat + " · " + state }
        let hold = "held until \(ConsoleLine.localTime(until, in: zone)) (\(entry.message.holdReason ?? "quiet hours"))"
        let waiting = entry.delivery.state == .pending && entry.delivery.nextAttemptAt >= until
        return chat + " · " + (waiting ? hold : state + " · " + hold)
    }

    /// The delivery state in words: delivered with latency, pending (until when, if later than its creation),
    /// retrying n, dead with reason.
    public static func state(_ delivery: DeliveryRecord, in zone: TimeZone) -> String {
        switch delivery.state {
        case .delivered:
            let latency = delivery.latencyMilliseconds.map { " in \(Int($0.rounded())) ms" } ?? ""
            let tries = delivery.attempts > 1 ? " after \(delivery.attempts) attempts" : ""
            return "delivered\(latency)\(tries)"
        case .pending:
            guard delivery.nextAttemptAt > delivery.createdAt else { return "pending" }
            return "pending until \(ConsoleLine.localTime(delivery.nextAttemptAt, in: zone))"
        case .retrying:
            let next = ConsoleLine.localTime(delivery.nextAttemptAt, in: zone)
            return "retrying \(delivery.attempts) (\(delivery.lastError ?? "failed")), next at \(next)"
        case .dead:
            return "dead: \(delivery.lastError ?? "no reason recorded")"
        case .held:
            return "held (channel disabled: \(delivery.lastError ?? "no reason recorded"))"
        case .cancelled:
            return "cancelled: \(delivery.lastError ?? "no reason recorded")"
        }
    }

    /// One JSON object per entry, as an array.
    public static func json(_ entries: [LogEntry]) -> String {
        let items = entries.map { entry in
            Item(
                id: entry.message.id, time: ISO8601.string(entry.message.createdAt), channel: entry.message.channel,
                recipients: entry.message.recipients, kind: entry.message.kind.rawValue, rule: entry.message.rule,
                project: entry.message.project?.id, milestones: entry.message.milestones.map(\.id),
                text: entry.message.text, state: entry.delivery.state.rawValue, attempts: entry.delivery.attempts,
                latencyMs: entry.delivery.latencyMilliseconds,
                deliveredAt: entry.delivery.deliveredAt.map(ISO8601.string), error: entry.delivery.lastError,
                heldUntil: entry.message.heldUntil.map(ISO8601.string), holdReason: entry.message.holdReason
            )
        }
        return JSONOutput.pretty(items)
    }

    private struct Item: Encodable {
        var id: String
        var time: String
        var channel: String
        var recipients: [String]
        var kind: String
        var rule: String?
        var project: String?
        var milestones: [String]
        var text: String
        var state: String
        var attempts: Int
        var latencyMs: Double?
        var deliveredAt: String?
        var error: String?
        var heldUntil: String?
        var holdReason: String?

        enum CodingKeys: String, CodingKey {
            case id, time, channel, recipients, kind, rule, project, milestones, text, state, attempts
            case latencyMs = "latency_ms", deliveredAt = "delivered_at", error
            case heldUntil = "held_until", holdReason = "hold_reason"
        }
    }
}
