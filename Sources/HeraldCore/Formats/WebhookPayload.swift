import Foundation

/// The generic webhook body (SPEC §3): `{"type", "timestamp", "data": {...}}`.
public enum WebhookPayload {
    /// The exact bytes to send (and sign) for `message`; a digest message also carries `data.digest`
    /// (``digestJSON(_:)``).
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        let envelope = Envelope(
            type: message.kind.rawValue,
            timestamp: ISO8601.string(message.createdAt),
            data: DataSection(
                id: message.id, kind: message.kind.rawValue, rule: message.rule, project: message.project,
                milestones: message.milestones.map(MilestoneItem.init), recipients: message.recipients,
                escalation: message.escalation.map(EscalationItem.init), text: message.text
            )
        )
        let bytes = JSONOutput.bytes(envelope)
        guard let digest = message.digest else { return bytes }
        // Keys are sorted, so `digest` is the first key of `data`: it goes right after `{"data":{`.
        let opening = Array(#"{"data":{"#.utf8)
        return opening + Array(#""digest":"#.utf8) + digestJSON(digest) + Array(",".utf8)
            + bytes.dropFirst(opening.count)
    }

    private struct Envelope: Encodable {
        var type: String
        var timestamp: String
        var data: DataSection
    }

    private struct DataSection: Encodable {
        var id: String
        var kind: String
        var rule: String?
        var project: ProjectRef?
        var milestones: [MilestoneItem]
        var recipients: [String]
        var escalation: EscalationItem?
        var text: String

        enum CodingKeys: String, CodingKey {
            case id, kind, rule, project, milestones, recipients, escalation, text
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(rule, forKey: .rule)
            try container.encode(project, forKey: .project)
            try container.encode(milestones, forKey: .milestones)
            try container.encode(recipients, forKey: .recipients)
            try container.encode(escalation, forKey: .escalation)
            try container.encode(text, forKey: .text)
        }
    }

    /// `{"id", "policy", "level", "levels", "repeat", "ack_url"}`; `ack_url` is null until links exist.
    private struct EscalationItem: Encodable {
        var id: String
        var policy: String
        var level: Int
        var levels: Int
        var isRepeat: Bool
        var ackURL: String?

        init(_ reference: EscalationRef) {
            id = reference.id
            policy = reference.policy
            level = reference.level
            levels = reference.levels
            isRepeat = reference.isRepeat
            ackURL = reference.ackURL
        }

        enum CodingKeys: String, CodingKey {
            case id, policy, level, levels, isRepeat = "repeat", ackURL = "ack_url"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(policy, forKey: .policy)
            try container.encode(level, forKey: .level)
            try container.encode(levels, forKey: .levels)
            try container.encode(isRepeat, forKey: .isRepeat)
            try container.encode(ackURL, forKey: .ackURL)
        }
    }

    private struct MilestoneItem: Encodable {
        var id: String
        var title: String
        var due: String
        var status: String
        var owner: String

        init(_ reference: MilestoneRef) {
            id = reference.id
            title = reference.title
            due = reference.due.description
            status = reference.status.rawValue
            owner = reference.owner
        }
    }
}

/// RFC 3339 UTC timestamps, `2026-11-30T09:00:00Z`.
public enum ISO8601 {
    /// Formats `date` in UTC to whole seconds.
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60)
        return "\(day)T" + [h, m, s].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":") + "Z"
    }
}
