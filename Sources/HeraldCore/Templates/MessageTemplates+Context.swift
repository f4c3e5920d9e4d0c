import Foundation

/// The values a message template can use. Names are snake_case, as in the config; absent values are left out, so
/// `{{#escalation}}…{{/escalation}}` shows only when there is one.
///
/// - `text` (the built-in wording), `kind`, `rule`, `channel`, `recipients` (keys), `mentions` (joined by spaces)
/// - `project` {`id`, `name`}; `milestones` and `milestone` (the first) {`id`, `title`, `due`, `due_display`,
///   `status`, `owner`}
/// - `escalation` {`id`, `policy`, `level`, `levels`, `repeat`, `ack_url`}
/// - `digest` {`name`, `title`, `status`, `status_line`, `trend`, `rule`, `reason`, `late`, `unchanged`, `link`,
///   `projects` [{`id`, `name`, `status`, `reason`}], `sections` [{`key`, `title`, `lines`, `omitted`}], and per
///   section `completed`, `due_soon`, `slipped`, `overdue`, `escalations` [{`title`, `project`, `owner`, `due`,
///   `baseline`, `detail`, `line`}]}
extension MessageTemplates {
    /// The values `message` offers its template.
    public static func context(for message: OutgoingMessage) -> [String: Any] {
        let today = CivilDate(message.createdAt, in: TimeZone(identifier: "UTC")!)
        var values: [String: Any] = [
            "text": message.text, "kind": message.kind.rawValue, "channel": message.channel,
            "recipients": message.recipients, "mentions": message.mentions.joined(separator: " "),
            "milestones": message.milestones.map { Self.values(of: $0, today: today) },
        ]
        values["rule"] = message.rule
        values["project"] = message.project.map { ["id": $0.id, "name": $0.name] }
        values["milestone"] = message.milestones.first.map { Self.values(of: $0, today: today) }
        if let escalation = message.escalation {
            var item: [String: Any] = [
                "id": escalation.id, "policy": escalation.policy, "level": escalation.level,
                "levels": escalation.levels, "repeat": escalation.isRepeat,
            ]
            item["ack_url"] = escalation.ackURL
            values["escalation"] = item
        }
        values["digest"] = message.digest.map(values(of:))
        return values
    }

    /// A milestone's values; `due_display` carries the year when it is not the year of `today`.
    private static func values(of milestone: MilestoneRef, today: CivilDate) -> [String: Any] {
        [
            "id": milestone.id, "title": milestone.title, "due": milestone.due.description,
            "due_display": milestone.due.display(today: today), "status": milestone.status.rawValue,
            "owner": milestone.owner,
        ]
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
