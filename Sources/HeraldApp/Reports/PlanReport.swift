import Foundation
import HeraldCore

/// Renders `herald plan`: a forecast grouped by day for people, JSON for scripts.
public enum PlanReport {
    /// A heading, then each day's messages under `Mon 30 Nov`, then the warnings.
    ///
    /// ```
    /// Mon 30 Nov
    /// 09:00  reminder  due-soon  apollo/design-signoff → alice @ console: Design sign-off · … is due …
    /// ```
    public static func text(_ plan: Plan, in zone: TimeZone) -> String {
        let span = "\(ConsoleLine.localTime(plan.window.from, in: zone)) to "
            + "\(ConsoleLine.localTime(plan.window.until, in: zone)) (\(zone.identifier))"
        let count = plan.entries.count
        var lines = ["Plan \(span): \(count) message\(count == 1 ? "" : "s")"]
        var day: CivilDate?
        for entry in plan.entries {
            let date = CivilDate(entry.sendAt, in: zone)
            if date != day {
                lines += ["", date.display(today: CivilDate(plan.window.from, in: zone))]
                day = date
            }
            lines.append(line(entry, in: zone))
        }
        if !plan.warnings.isEmpty {
            lines += ["", "Warnings:"] + plan.warnings.map { "- " + TerminalText.safe($0) }
        }
        return lines.joined(separator: "\n")
    }

    /// One message: local send time, kind (with the escalation level: `escalation L2`, `L3 again` for a repeat),
    /// rule, project/milestone, recipients, channel and text; a held message also says when it was decided. The
    /// further lines of a long text (a digest's sections) are indented under the time.
    public static func line(_ entry: PlanEntry, in zone: TimeZone) -> String {
        let message = entry.message
        let time = String(ConsoleLine.localTime(entry.sendAt, in: zone).suffix(5))
        let level = message.escalation.map { " L\($0.level)" + ($0.isRepeat ? " again" : "") } ?? ""
        let what = [message.kind.rawValue + level, message.rule].compactMap { $0 }.joined(separator: "  ")
        let who = message.recipients.isEmpty ? "everyone" : message.recipients.joined(separator: ", ")
        let text = TerminalText.continued(message.text, indent: "       ")
        let head = TerminalText.safe("\(time)  \(what)  \(subject(of: message)) → \(who) @ \(message.channel)")
        var line = "\(head): \(text)"
        if entry.decidedAt != entry.sendAt {
            line += " (decided \(ConsoleLine.localTime(entry.decidedAt, in: zone)))"
        }
        return line
    }

    /// `apollo/design-signoff`; `apollo/a +2` for a message about several milestones.
    private static func subject(of message: OutgoingMessage) -> String {
        var subject = [message.project?.id, message.milestones.first?.id].compactMap { $0 }.joined(separator: "/")
        if message.milestones.count > 1 { subject += " +\(message.milestones.count - 1)" }
        return subject.isEmpty ? "-" : subject
    }

    /// `{"from", "until", "messages": [...], "warnings": [...]}`; absent values are `null`.
    public static func json(_ plan: Plan) -> String {
        JSONOutput.pretty(Document(
            from: ISO8601.string(plan.window.from), until: ISO8601.string(plan.window.until),
            messages: plan.entries.map(Item.init), warnings: plan.warnings
        ))
    }

    private struct Document: Encodable {
        var from: String
        var until: String
        var messages: [Item]
        var warnings: [String]
    }

    private struct Item: Encodable {
        var sendAt: String
        var decidedAt: String
        var kind: String
        var rule: String?
        var project: String?
        var milestone: String?
        var channel: String
        var recipients: [String]
        var text: String
        var escalation: Escalation?

        struct Escalation: Encodable {
            var id: String
            var level: Int
        }

        init(_ entry: PlanEntry) {
            sendAt = ISO8601.string(entry.sendAt)
            decidedAt = ISO8601.string(entry.decidedAt)
            kind = entry.message.kind.rawValue
            rule = entry.message.rule
            project = entry.message.project?.id
            milestone = entry.message.milestones.first?.id
            channel = entry.message.channel
            recipients = entry.message.recipients
            text = entry.message.text
            escalation = entry.message.escalation.map { Escalation(id: $0.id, level: $0.level) }
        }

        enum CodingKeys: String, CodingKey {
            case sendAt = "send_at", decidedAt = "decided_at", kind, rule, project, milestone, channel, recipients
            case text, escalation
        }

        /// Written by hand so absent values appear as `null` rather than missing keys.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sendAt, forKey: .sendAt)
            try container.encode(decidedAt, forKey: .decidedAt)
            try container.encode(kind, forKey: .kind)
            try container.encode(rule, forKey: .rule)
            try container.encode(project, forKey: .project)
            try container.encode(milestone, forKey: .milestone)
            try container.encode(channel, forKey: .channel)
            try container.encode(recipients, forKey: .recipients)
            try container.encode(text, forKey: .text)
            try container.encode(escalation, forKey: .escalation)
        }
    }
}
