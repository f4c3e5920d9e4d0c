import Foundation

/// The values a message template can use. Names are snake_case, as in the config; absent values are left out, so
/// `{{#escalation}}…{{/escalation}}` shows only when there is one. Which kinds have which is ``variables(of:)``.
///
/// - `text` (the built-in wording), `kind`, `rule`, `channel`, `recipients` (keys), `mentions` (joined by spaces)
/// - `project` {`id`, `name`}; `milestones` and `milestone` (the first) {`id`, `title`, `due`, `due_display`,
///   `status`, `status_words`, `owner`, `owner_name`, `deliverables`, `depends_on`, `blocks`, `critical`,
///   `baseline`, `baseline_display`, `slip`}
/// - `escalation` {`id`, `policy`, `level`, `levels`, `repeat`, `ack_url`}; for a notice, `link` (its
///   acknowledgement link) and `actions` [{`label`, `text`, `url`}]
/// - `items` (a bundle's) [{`id`, `kind`, `rules`, `text`, `project`, `milestones`, `milestone`, `escalation`}]
/// - `digest` {`name`, `title`, `status`, `status_line`, `trend`, `rule`, `reason`, `late`, `unchanged`, `link`,
///   `projects` [{`id`, `name`, `status`, `reason`}], `sections` [{`key`, `title`, `lines`, `omitted`}], and per
///   section `completed`, `due_soon`, `slipped`, `overdue`, `escalations` [{`title`, `project`, `owner`, `due`,
///   `baseline`, `detail`, `line`}]}
extension MessageTemplates {
    /// The values `message` offers its template; `details` are those of its milestones, in the same order (a
    /// milestone without them, as a bundle's items are, offers only what the message says of it).
    public static func context(for message: OutgoingMessage, details: [TemplateDetails] = []) -> [String: Any] {
        let today = CivilDate(message.createdAt, in: TimeZone(identifier: "UTC")!)
        let milestones = message.milestones.enumerated().map { index, milestone in
            Self.values(of: milestone, details: index < details.count ? details[index] : nil, today: today)
        }
        var values: [String: Any] = [
            "text": message.text, "kind": message.kind.rawValue, "channel": message.channel,
            "recipients": message.recipients, "mentions": message.mentions.joined(separator: " "),
        ]
        values["milestones"] = milestones.isEmpty ? nil : milestones
        values["rule"] = message.rule
        values["project"] = message.project.map { ["id": $0.id, "name": $0.name] }
        values["milestone"] = milestones.first
        values["milestone_url"] = message.milestoneURL
        if let escalation = message.escalation {
            values["escalation"] = Self.values(of: escalation)
            if message.kind == .escalation {
                values["link"] = escalation.ackURL
                values["actions"] = [actionValues(ackURL: escalation.ackURL)]
            }
        }
        values["digest"] = message.digest.map(values(of:))
        values["items"] = message.items.map { items in items.map { Self.values(of: $0, today: today) } }
        return values
    }

    /// A bundled message's values, as its own message gives them, its milestones without the details of their
    /// composition.
    private static func values(of item: BundleItem, today: CivilDate) -> [String: Any] {
        let milestones = item.milestones.map { Self.values(of: $0, details: nil, today: today) }
        var values: [String: Any] = ["id": item.id, "kind": item.kind.rawValue, "rules": item.rules, "text": item.text]
        values["project"] = item.project.map { ["id": $0.id, "name": $0.name] }
        values["milestones"] = milestones.isEmpty ? nil : milestones
        values["milestone"] = milestones.first
        values["escalation"] = item.escalation.map(Self.values(of:))
        return values
    }

    private static func values(of escalation: EscalationRef) -> [String: Any] {
        var values: [String: Any] = [
            "id": escalation.id, "policy": escalation.policy, "level": escalation.level, "levels": escalation.levels,
            "repeat": escalation.isRepeat,
        ]
        values["ack_url"] = escalation.ackURL
        return values
    }

    /// A milestone's values; `due_display` and `baseline_display` carry the year when it is not the year of
    /// `today`. `slip` is left out when the milestone is not behind its baseline, so that `{{#slip}}` reads as "if".
    private static func values(of milestone: MilestoneRef, details: TemplateDetails?, today: CivilDate)
        -> [String: Any] {
        var values: [String: Any] = [
            "id": milestone.id, "title": milestone.title, "due": milestone.due.description,
            "due_display": milestone.due.display(today: today), "status": milestone.status.rawValue,
            "status_words": milestone.status.words, "owner": milestone.owner,
        ]
        guard let details else { return values }
        values["owner_name"] = details.ownerName
        values["deliverables"] = details.deliverables
        values["depends_on"] = details.dependsOn
        values["blocks"] = details.downstream.blocked
        values["critical"] = details.downstream.isCritical
        values["baseline"] = details.baseline?.description
        values["baseline_display"] = details.baseline?.display(today: today)
        if details.slipDays > 0 { values["slip"] = details.slipDays }
        return values
    }

    /// How to answer an escalation notice, as its built-in wording says it: acknowledge with the link when there is
    /// one.
    private static func actionValues(ackURL: String?) -> [String: Any] {
        var values: [String: Any] = [
            "label": ChatText.acknowledgeLabel, "text": MessageText.answer(hasAckLink: ackURL != nil),
        ]
        values["url"] = ackURL
        return values
    }

    private static func values(of report: DigestReport) -> [String: Any] {
        var values: [String: Any] = [
            "name": report.name, "title": DigestWording.title(report),
            "status": report.headline.status.rawValue, "status_line": DigestWording.status(report),
            "trend": report.headline.trend.rawValue, "rule": report.headline.rule, "reason": report.headline.reason,
            "late": report.late, "unchanged": report.unchanged,
            "projects": report.projects.map {
                ["id": $0.project.id, "name": $0.project.name, "status": $0.status.rawValue, "reason": $0.reason]
            },
            "sections": DigestSection.sections(of: report).map {
                ["key": $0.key, "title": $0.title, "lines": $0.lines, "omitted": $0.omitted] as [String: Any]
            },
        ]
        values["link"] = report.link
        for section in DigestSection.all(of: report) {
            values[section.key] = section.rows.map(values(of:))
        }
        return values
    }

    private static func values(of row: DigestSection.Row) -> [String: Any] {
        var values: [String: Any] = ["title": row.title, "project": row.project, "detail": row.detail, "line": row.line]
        values["owner"] = row.owner
        values["due"] = row.due?.display(today: row.today)
        values["baseline"] = row.baseline?.display(today: row.today)
        return values
    }
}
