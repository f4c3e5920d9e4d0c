import Foundation

/// The plain-text wording of digests: the message text, the console's line and the text part of emails.
extension MessageText {
    /// The digest in plain text, times in `timeZone`: a title line, the headline, then each non-empty section
    /// after a blank line. When nothing changed, the title and one line saying so. Dates not in the year of the
    /// digest's day carry their year.
    ///
    /// ```
    /// Digest weekly-sponsor, Mon 30 Nov 09:00
    /// AMBER, steady since Mon 23 Nov 09:00: Design sign-off · Apollo ERP upgrade has slipped …
    /// Amber means a milestone slipped past its baseline.
    ///
    /// Due by Mon 14 Dec:
    /// - Fri 4 Dec: Design sign-off · Apollo ERP upgrade, Alice Ng, in progress
    /// ```
    public static func digest(_ report: DigestReport, timeZone: TimeZone) -> String {
        let clock = BusinessCalendar(timeZone: timeZone)
        let today = clock.today(at: report.at)
        let since = report.since.map { clock.shortDisplay($0, today: today) }
        var title = "Digest \(report.name), \(clock.shortDisplay(report.at))"
        if report.late { title += " (late: Herald was not running at the scheduled time)" }
        let status = report.headline.status.rawValue.uppercased()
        if report.unchanged, let since {
            return title + "\nNothing changed since \(since): still \(status), \(report.headline.reason)."
        }
        let trend = switch report.headline.trend {
        case .first: " (first digest)"
        case .steady: ", steady since \(since ?? "the last digest")"
        case .improving: ", improving since \(since ?? "the last digest")"
        case .worsening: ", worsening since \(since ?? "the last digest")"
        }
        var blocks = [
            [title, "\(status)\(trend): \(report.headline.reason).", meaning(report.headline)].filter { !$0.isEmpty }
        ]
        if report.projects.count > 1 {
            blocks.append(["Projects:"] + report.projects.map {
                "- \($0.project.name): \($0.status.rawValue.uppercased()), \($0.reason)"
            })
        }
        let sections: [(String, [String])] = [
            (since.map { "Completed since \($0):" } ?? "Completed:", report.completed.map { completedLine($0, today) }),
            (
                report.windowEnd.map { "Due by \($0.display(today: today)):" } ?? "Due soon:",
                report.dueSoon.map { dueLine($0, today) }
            ),
            ("Slipped or moved:", report.slipped.map { slippedLine($0, today) }),
            ("Overdue:", report.overdue.map { overdueLine($0, today) }),
            ("Open escalations:", report.escalations.map(escalationLine)),
        ]
        for (heading, lines) in sections where !lines.isEmpty {
            blocks.append([heading] + lines)
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// `- Requirements baseline · Apollo ERP upgrade, done Wed 25 Nov, 2 business days late`.
    private static func completedLine(_ item: DigestItem, _ today: CivilDate) -> String {
        let late = item.businessDays ?? 0
        let timing = late > 0 ? "\(count(late, "business day")) late" : "on time"
        let done = item.completedOn.map { ", done \($0.display(today: today))" } ?? ""
        return "- \(subject(item))\(done), \(timing)" + noted(item)
    }

    /// `- Fri 4 Dec: Design sign-off · Apollo ERP upgrade, Alice Ng, in progress`.
    private static func dueLine(_ item: DigestItem, _ today: CivilDate) -> String {
        "- \(item.milestone.due.display(today: today)): \(subject(item)), \(item.ownerName), "
            + item.milestone.status.words + noted(item)
    }

    /// `- Design sign-off · Apollo ERP upgrade: baseline Fri 27 Nov, was Mon 30 Nov, now Fri 4 Dec
    /// (+4 business days)`.
    private static func slippedLine(_ item: DigestItem, _ today: CivilDate) -> String {
        let baseline = item.baseline.map { "baseline \($0.display(today: today))" } ?? "no baseline"
        let was = item.previousDue.map { ", was \($0.display(today: today))" } ?? ""
        let moved = item.businessDays ?? 0
        let delta = "\(moved < 0 ? "-" : "+")\(count(abs(moved), "business day"))"
        return "- \(subject(item)): \(baseline)\(was), now \(item.milestone.due.display(today: today)) (\(delta))"
            + noted(item)
    }

    /// `- Data migration plan · Apollo ERP upgrade: due Tue 24 Nov, 4 business days overdue, Dan Okafor`.
    private static func overdueLine(_ item: DigestItem, _ today: CivilDate) -> String {
        let late = item.businessDays ?? 0
        let overdue = late > 0 ? "\(count(late, "business day")) overdue" : "overdue"
        return "- \(subject(item)): due \(item.milestone.due.display(today: today)), \(overdue), \(item.ownerName)"
            + noted(item)
    }

    /// `- Design sign-off · Apollo ERP upgrade: level 2 of 3, not acknowledged`.
    private static func escalationLine(_ escalation: DigestEscalation) -> String {
        let ack = escalation.acknowledgedBy.map { "acknowledged by \($0)" } ?? "not acknowledged"
        return "- \(subject(escalation.milestone.title, escalation.project.name)): level \(escalation.level) of "
            + "\(escalation.levels), \(ack)"
    }

    private static func subject(_ item: DigestItem) -> String {
        subject(item.milestone.title, item.project.name)
    }

    private static func noted(_ item: DigestItem) -> String {
        item.note.map { "; note: \($0)" } ?? ""
    }

    /// What the status means, as a sentence a sponsor reads: `Amber means a milestone slipped past its baseline or
    /// is at risk.` (the rule `amber: a milestone slipped …`); the rule as it stands when it names another status.
    public static func meaning(_ headline: DigestHeadline) -> String {
        let status = headline.status.rawValue
        guard headline.rule.hasPrefix(status + ": ") else { return headline.rule }
        return status.prefix(1).uppercased() + status.dropFirst() + " means "
            + headline.rule.dropFirst(status.count + 2) + "."
    }
}
