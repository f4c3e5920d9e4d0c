import Foundation

/// The generic webhook body (README "The generic webhook"): `{"type", "timestamp", "data": {...}}`.
///
/// Written field by field with ``JSONBytes`` (keys in sorted order, as ``JSONOutput`` writes them): a delivery
/// renders one per attempt, and `JSONEncoder` cost more than everything else the sender does.
public enum WebhookPayload {
    /// The exact bytes to send (and sign) for `message`; a digest message also carries `data.digest`
    /// (``digestJSON(_:)``). `data.actor` is who made an announcement's change (null when unknown, and for other
    /// kinds), `data.changes` an announcement's `[{"field", "from", "to"}]` (empty otherwise), `data.milestone_url` the
    /// milestone page's link (absent without one, so a message without it keeps its bytes).
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        var json = JSONBytes(capacity: 512 + message.text.utf8.count)
        json.raw(#"{"data":{"actor":"#)
        json.string(message.actor)
        json.raw(#","changes":"#)
        write(message.changes, to: &json)
        json.raw(",")
        if let digest = message.digest {
            json.raw(#""digest":"#)
            json.append(json: digestJSON(digest))
            json.raw(",")
        }
        json.raw(#""escalation":"#)
        if let escalation = message.escalation {
            write(escalation, to: &json)
        } else {
            json.raw("null")
        }
        json.raw(#","id":"#)
        json.string(message.id)
        if let items = message.items {
            json.raw(#","items":"#)
            write(items, to: &json)
        }
        json.raw(#","kind":"#)
        json.string(message.kind.rawValue)
        if let url = message.milestoneURL {
            json.raw(#","milestone_url":"#)
            json.string(url)
        }
        json.raw(#","milestones":"#)
        write(message.milestones, to: &json)
        json.raw(#","project":"#)
        write(message.project, to: &json)
        json.raw(#","recipients":"#)
        json.strings(message.recipients)
        json.raw(#","rule":"#)
        json.string(message.rule)
        json.raw(#","text":"#)
        json.string(message.text)
        json.raw(#"},"timestamp":"#)
        json.string(ISO8601.string(message.createdAt))
        json.raw(#","type":"#)
        json.string(message.kind.rawValue)
        json.raw("}")
        return json.bytes
    }

    /// `[{"field", "from", "to"}]`, empty for none.
    static func write(_ changes: [FieldChange]?, to json: inout JSONBytes) {
        json.raw("[")
        for (index, change) in (changes ?? []).enumerated() {
            if index > 0 { json.raw(",") }
            json.raw(#"{"field":"#)
            json.string(change.field)
            json.raw(#","from":"#)
            json.string(change.oldValue)
            json.raw(#","to":"#)
            json.string(change.newValue)
            json.raw("}")
        }
        json.raw("]")
    }

    /// `[{milestone}, …]`.
    static func write(_ milestones: [MilestoneRef], to json: inout JSONBytes) {
        json.raw("[")
        for (index, milestone) in milestones.enumerated() {
            if index > 0 { json.raw(",") }
            write(milestone, to: &json)
        }
        json.raw("]")
    }

    /// `{"id", "name"}`, or `null`.
    static func write(_ project: ProjectRef?, to json: inout JSONBytes) {
        guard let project else { return json.raw("null") }
        json.raw(#"{"id":"#)
        json.string(project.id)
        json.raw(#","name":"#)
        json.string(project.name)
        json.raw("}")
    }

    /// `{"baseline", "blocks", "critical", "depends_on", "due", "id", "owner", "status", "title"}`; `blocks` and
    /// `critical` are null when not worked out.
    static func write(_ milestone: MilestoneRef, to json: inout JSONBytes) {
        json.raw(#"{"baseline":"#)
        json.string(milestone.baseline?.description)
        json.raw(#","blocks":"#)
        if let blocks = milestone.blocks { json.strings(blocks) } else { json.raw("null") }
        json.raw(#","critical":"#)
        if let critical = milestone.critical { json.bool(critical) } else { json.raw("null") }
        json.raw(#","depends_on":"#)
        json.strings(milestone.dependsOn)
        json.raw(#","due":"#)
        json.string(milestone.due.description)
        json.raw(#","id":"#)
        json.string(milestone.id)
        json.raw(#","owner":"#)
        json.string(milestone.owner)
        json.raw(#","status":"#)
        json.string(milestone.status.rawValue)
        json.raw(#","title":"#)
        json.string(milestone.title)
        json.raw("}")
    }

    /// `{"ack_url", "id", "level", "levels", "policy", "repeat"}`; `ack_url` is null until links exist.
    static func write(_ escalation: EscalationRef, to json: inout JSONBytes) {
        json.raw(#"{"ack_url":"#)
        json.string(escalation.ackURL)
        json.raw(#","id":"#)
        json.string(escalation.id)
        json.raw(#","level":"#)
        json.int(escalation.level)
        json.raw(#","levels":"#)
        json.int(escalation.levels)
        json.raw(#","policy":"#)
        json.string(escalation.policy)
        json.raw(#","repeat":"#)
        json.bool(escalation.isRepeat)
        json.raw("}")
    }
}
