import Foundation
import HeraldCore

/// Renders `herald channels`: each configured channel with its state, its pause and held count.
public enum ChannelReport {
    /// One status per configured channel, plus any channel the store still holds messages for; sorted by name. Each
    /// carries its pause from `pauses` (the pauses in force), when it has one.
    public static func statuses(
        configured: [String: Channel], stored: [ChannelStatus], pauses: [String: ChannelPause] = [:]
    ) -> [ChannelStatus] {
        var byName = Dictionary(uniqueKeysWithValues: configured.keys.map { ($0, ChannelStatus(channel: $0)) })
        for status in stored { byName[status.channel] = status }
        for (channel, pause) in pauses { byName[channel, default: ChannelStatus(channel: channel)].pause = pause }
        return byName.values.sorted { $0.channel < $1.channel }
    }

    /// `eng  disabled 2026-11-30 09:00 (HTTP 410 Gone: channel_is_archived), 3 held`, `ops  enabled` or
    /// `chat (discord) enabled, paused until 2026-11-30 11:00 (the receiver's rate limit quota is spent …)`.
    public static func line(_ status: ChannelStatus, type: String?, in zone: TimeZone) -> String {
        var line = status.channel + (type.map { " (\($0))" } ?? " (not configured)")
        if let at = status.disabledAt {
            line += " disabled \(ConsoleLine.localTime(at, in: zone)): \(status.disabledReason ?? "no reason")"
        } else {
            line += " enabled"
        }
        if let pause = status.pause {
            line += ", paused until \(ConsoleLine.localTime(pause.until, in: zone)) (\(pause.reason))"
        }
        if status.heldCount > 0 { line += ", \(status.heldCount) held" }
        return TerminalText.safe(line)
    }

    /// The statuses as a JSON array.
    public static func json(_ statuses: [ChannelStatus], types: [String: String]) -> String {
        JSONOutput.pretty(statuses.map { status in
            Item(
                channel: status.channel, type: types[status.channel],
                state: status.isDisabled ? "disabled" : "enabled", reason: status.disabledReason,
                disabledAt: status.disabledAt.map(ISO8601.string), held: status.heldCount,
                pausedUntil: status.pause.map { ISO8601.string($0.until) }, pauseReason: status.pause?.reason
            )
        })
    }

    private struct Item: Encodable {
        var channel: String
        var type: String?
        var state: String
        var reason: String?
        var disabledAt: String?
        var held: Int
        var pausedUntil: String?
        var pauseReason: String?

        enum CodingKeys: String, CodingKey {
            case channel, type, state, reason, disabledAt = "disabled_at", held, pausedUntil = "paused_until"
            case pauseReason = "pause_reason"
        }
    }
}
