import Foundation
import HeraldCore

/// Renders escalations for `herald escalations` and `herald ack`: lines safe for a terminal (see ``TerminalText``), or
/// JSON.
public enum EscalationReport {
    /// `esc_… open  level 2 of 3 (missed-deadline)  apollo/design-signoff  rule overdue  opened Mon 30 Nov 09:00`.
    public static func line(_ record: EscalationRecord, in zone: TimeZone) -> String {
        var line = "\(record.id) \(record.state.rawValue)  level \(record.levelsNotified) (\(record.policy))  "
            + "\(record.key.projectID)/\(record.key.milestoneID)  rule \(record.key.rule)  "
            + "opened \(ConsoleLine.localTime(record.openedAt, in: zone))"
        if record.repeats > 0 { line += ", repeated \(record.repeats)×" }
        if let closedAt = record.closedAt {
            line += "; closed \(ConsoleLine.localTime(closedAt, in: zone)): \(record.closeReason ?? "closed")"
        }
        if let note = record.acknowledgement?.note, !note.isEmpty { line += " (\"\(note)\")" }
        return TerminalText.safe(line)
    }

    /// What `herald ack` prints.
    public static func acknowledgement(_ outcome: HeraldStore.AcknowledgeOutcome, in zone: TimeZone) -> String {
        TerminalText.safe(acknowledgementText(outcome, in: zone))
    }

    private static func acknowledgementText(_ outcome: HeraldStore.AcknowledgeOutcome, in zone: TimeZone) -> String {
        switch outcome {
        case .acknowledged(let record):
            let told = Set(record.notices.flatMap(\.people)).sorted()
            return "\(record.id) acknowledged by \(record.acknowledgement?.by ?? "unknown"); no further levels. "
                + (told.isEmpty ? "Nobody had been notified yet."
                    : "Resolved notice to: \(told.joined(separator: ", ")) on the daemon's next round.")
        case .alreadyClosed(let record):
            return "\(record.id) is already \(record.state.rawValue)"
                + (record.closedAt.map { " since \(ConsoleLine.localTime($0, in: zone))" } ?? "")
                + (record.closeReason.map { ": \($0)" } ?? "")
        }
    }

    /// The records as a JSON array.
    public static func json(_ records: [EscalationRecord]) -> String {
        JSONOutput.pretty(records.map(Item.init))
    }

    /// One record as a JSON object, shaped like each element of the array the other `json` renders.
    public static func json(_ record: EscalationRecord) -> String {
        JSONOutput.pretty(Item(record))
    }

    private struct Item: Encodable {
        var id: String
        var state: String
        var rule: String
        var policy: String
        var project: String
        var milestone: String
        var level: Int
        var repeats: Int
        var openedAt: String
        var acknowledgedBy: String?
        var acknowledgedAt: String?
        var note: String?
        var closedAt: String?
        var closeReason: String?
        var notices: [Notice]

        init(_ record: EscalationRecord) {
            id = record.id
            state = record.state.rawValue
            rule = record.key.rule
            policy = record.policy
            project = record.key.projectID
            milestone = record.key.milestoneID
            level = record.levelsNotified
            repeats = record.repeats
            openedAt = ISO8601.string(record.openedAt)
            acknowledgedBy = record.acknowledgement?.by
            acknowledgedAt = record.acknowledgement.map { ISO8601.string($0.at) }
            note = record.acknowledgement?.note
            closedAt = record.closedAt.map(ISO8601.string)
            closeReason = record.closeReason
            notices = record.notices.map(Notice.init)
        }

        enum CodingKeys: String, CodingKey {
            case id, state, rule, policy, project, milestone, level, repeats, openedAt = "opened_at"
            case acknowledgedBy = "acknowledged_by", acknowledgedAt = "acknowledged_at", note
            case closedAt = "closed_at", closeReason = "close_reason", notices
        }
    }

    private struct Notice: Encodable {
        var level: Int
        var isRepeat: Bool
        var at: String
        var channel: String
        var people: [String]
        var messageID: String

        init(_ notice: EscalationNotice) {
            level = notice.level
            isRepeat = notice.isRepeat
            at = ISO8601.string(notice.at)
            channel = notice.channel
            people = notice.people
            messageID = notice.messageID
        }

        enum CodingKeys: String, CodingKey {
            case level, isRepeat = "repeat", at, channel, people, messageID = "message_id"
        }
    }
}
