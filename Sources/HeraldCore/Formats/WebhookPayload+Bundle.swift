/// A bundle's `data.items` in the generic webhook body (README "The generic webhook"): every message it carries as
/// structured data, under its own `msg_…` id, so that a receiver can handle each as if it had come alone.
extension WebhookPayload {
    /// `[{"actor", "changes", "decided_at", "escalation", "id", "milestone_url", "milestones", "project", "rules",
    /// "text", "type"}]` (`milestone_url` only when the item has the link), in the bundle's order.
    static func write(_ items: [BundleItem], to json: inout JSONBytes) {
        json.raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw(#"{"actor":"#)
            json.string(item.actor)
            json.raw(#","changes":"#)
            write(item.changes, to: &json)
            json.raw(#","decided_at":"#)
            json.string(ISO8601.string(item.decidedAt))
            json.raw(#","escalation":"#)
            if let escalation = item.escalation {
                write(escalation, to: &json)
            } else {
                json.raw("null")
            }
            json.raw(#","id":"#)
            json.string(item.id)
            if let url = item.milestoneURL {
                json.raw(#","milestone_url":"#)
                json.string(url)
            }
            json.raw(#","milestones":"#)
            write(item.milestones, to: &json)
            json.raw(#","project":"#)
            write(item.project, to: &json)
            json.raw(#","rules":"#)
            json.strings(item.rules)
            json.raw(#","text":"#)
            json.string(item.text)
            json.raw(#","type":"#)
            json.string(item.kind.rawValue)
            json.raw("}")
        }
        json.raw("]")
    }
}
