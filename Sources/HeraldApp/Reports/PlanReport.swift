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
        var lines = [heading(plan, in: zone)]
        var day: CivilDate?
        for entry in plan.entries {
            let date = CivilDate(entry.sendAt, in: zone)
            if date != day {
                lines += ["", date.display(today: CivilDate(plan.window.from, in: zone))]
                day = date
            }
            lines.append(line(entry, in: zone))
        }
        return (lines + warnings(plan)).joined(separator: "\n")
    }

    /// `Plan 2026-11-30 00:00 to 2026-12-30 00:00 (Europe/London): 20 messages`.
    static func heading(_ plan: Plan, in zone: TimeZone) -> String {
        let span = "\(ConsoleLine.localTime(plan.window.from, in: zone)) to "
            + "\(ConsoleLine.localTime(plan.window.until, in: zone)) (\(zone.identifier))"
        return "Plan \(span): \(count(plan.entries.count, "message"))"
    }

    /// `1 message`, `2 messages`; `people` for more than one `person`.
    static func count(_ number: Int, _ unit: String) -> String {
        number == 1 ? "1 \(unit)" : "\(number) \(unit == "person" ? "people" : unit + "s")"
    }

    /// A blank line, `Warnings:` and one line per warning; nothing when there is none.
    static func warnings(_ plan: Plan) -> [String] {
        plan.warnings.isEmpty ? [] : ["", "Warnings:"] + plan.warnings.map { "- " + TerminalText.safe($0) }
    }

    /// One message: local send time, kind (with the escalation level: `escalation L2`, `L3 again` for a repeat),
    /// rule, project/milestone, recipients, channel and text; a held message also says when it was decided. The
    /// further lines of a long text (a digest's sections) are indented under the time. A bundle is one line with
    /// its headline and item count (`bundle of 3`), then one indented line per item it carries, as it will arrive.
    public static func line(_ entry: PlanEntry, in zone: TimeZone) -> String {
        let message = entry.message
        let time = String(ConsoleLine.localTime(entry.sendAt, in: zone).suffix(5))
        let who = message.recipients.isEmpty ? "everyone" : message.recipients.joined(separator: ", ")
        var line: String
        if let items = message.items {
            let head = TerminalText.safe("\(time)  bundle of \(items.count) → \(who) @ \(message.channel)")
            line = "\(head): " + TerminalText.safe(BundleWording.headline(message))
        } else {
            let what = describe(message.kind, message.escalation, rules: [message.rule].compactMap { $0 })
            let text = TerminalText.continued(message.text, indent: indent)
            let head = TerminalText.safe("\(time)  \(what)  \(subject(message.project, message.milestones)) → "
                + "\(who) @ \(message.channel)")
            line = "\(head): \(text)"
        }
        if entry.decidedAt != entry.sendAt {
            line += " (decided \(ConsoleLine.localTime(entry.decidedAt, in: zone)))"
        }
        for item in message.items ?? [] {
            let what = describe(item.kind, item.escalation, rules: item.rules)
            let about = subject(item.project, item.milestones)
            line += "\n" + indent + TerminalText.safe("\(what)  \(about): \(item.text)")
        }
        return line
    }

    /// What continues a message on further lines: as wide as its time and the two spaces after it.
    private static let indent = "       "

    /// `reminder  due-soon`, `escalation L2  overdue`, `escalation L3 again  overdue`.
    private static func describe(_ kind: MessageKind, _ escalation: EscalationRef?, rules: [String]) -> String {
        let level = escalation.map { " L\($0.level)" + ($0.isRepeat ? " again" : "") } ?? ""
        return ([kind.rawValue + level] + rules).joined(separator: "  ")
    }

    /// `apollo/design-signoff`; `apollo/a +2` for a message about several milestones.
    private static func subject(_ project: ProjectRef?, _ milestones: [MilestoneRef]) -> String {
        var subject = [project?.id, milestones.first?.id].compactMap { $0 }.joined(separator: "/")
        if milestones.count > 1 { subject += " +\(milestones.count - 1)" }
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
        /// A bundle's items; nil for any other message.
        var items: [Part]?

        struct Escalation: Encodable {
            var id: String
            var level: Int
        }

        /// One item of a bundle: `{"id", "kind", "rules", "project", "milestone", "text", "escalation"}`.
        struct Part: Encodable {
            var id: String
            var kind: String
            var rules: [String]
            var project: String?
            var milestone: String?
            var text: String
            var escalation: Escalation?

            init(_ item: BundleItem) {
                id = item.id
                kind = item.kind.rawValue
                rules = item.rules
                project = item.project?.id
                milestone = item.milestones.first?.id
                text = item.text
                escalation = item.escalation.map { Escalation(id: $0.id, level: $0.level) }
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(kind, forKey: .kind)
                try container.encode(rules, forKey: .rules)
                try container.encode(project, forKey: .project)
                try container.encode(milestone, forKey: .milestone)
                try container.encode(text, forKey: .text)
                try container.encode(escalation, forKey: .escalation)
            }

            enum CodingKeys: String, CodingKey {
                case id, kind, rules, project, milestone, text, escalation
            }
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
            items = entry.message.items?.map(Part.init)
        }

        enum CodingKeys: String, CodingKey {
            case sendAt = "send_at", decidedAt = "decided_at", kind, rule, project, milestone, channel, recipients
            case text, escalation, items
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
            try container.encode(items, forKey: .items)
        }
    }
}
