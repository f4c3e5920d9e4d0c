import Foundation
import HeraldCore
import Hummingbird
import NIOCore

/// The small HTML pages an acknowledgement link opens: self-contained (no scripts, no external assets), never
/// cached, never framed, never indexed, and they send no referrer (the token is in their address).
enum AckPage {
    /// A page with `status`: a heading, `paragraphs` (already HTML) and `extra` HTML after them.
    static func response(
        _ status: HTTPResponse.Status, title: String, paragraphs: [String], extra: String = ""
    ) -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(EmailBody.escape(title)) · Herald</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
            table{border-collapse:collapse;margin:1rem 0}th,td{text-align:left;padding:.3rem .6rem;vertical-align:top}
            th{color:#555;font-weight:normal}textarea{width:100%;box-sizing:border-box}
            button{font-size:1.1rem;padding:.5rem 1.2rem;margin-top:.6rem}
            </style></head><body>
            <h1>\(EmailBody.escape(title))</h1>
            \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
            \(extra)
            </body></html>
            """
        return HTMLResponse.make(html, status: status)
    }

    /// The escalation as a table: project, `milestone` (as stored, nil when it is gone), level, state, and who was
    /// told when and where.
    static func table(_ record: EscalationRecord, milestone: Milestone?, configuration: Configuration) -> String {
        let project = configuration.projects.first { $0.id == record.key.projectID }
        let calendar = configuration.calendar
        let levels = configuration.escalations[record.policy]?.levels.count ?? record.levelsNotified
        let told = record.notices.map { notice in
            let who = notice.people.isEmpty ? "everyone" : notice.people.map { name(of: $0, in: configuration) }
                .joined(separator: ", ")
            return "\(who): level \(notice.level)\(notice.isRepeat ? " (repeat)" : ""), "
                + "\(calendar.shortDisplay(notice.at)) on \(notice.channel)"
        }
        let rows = [
            ("Escalation", "\(record.id) (\(record.policy))"),
            ("Project", project?.name ?? record.key.projectID),
            ("Milestone", milestone.map { "\($0.title), due \($0.due.shortDisplay)" } ?? record.key.milestoneID),
            ("Level", "\(record.levelsNotified) of \(levels)"),
            ("State", state(of: record, calendar: calendar)),
            ("Told", told.isEmpty ? "nobody yet" : told.joined(separator: "\n")),
        ]
        return "<table>\n" + rows.map { label, value in
            let cell = value.split(separator: "\n").map { EmailBody.escape(String($0)) }.joined(separator: "<br>")
            return "<tr><th>\(label)</th><td>\(cell)</td></tr>"
        }.joined(separator: "\n") + "\n</table>"
    }

    /// The page after an answer with a new date or done: what changed, and the escalation as it now stands.
    static func answered(
        _ record: EscalationRecord, _ answer: AckAnswer, by who: String, milestone: Milestone?,
        configuration: Configuration, today: CivilDate
    ) -> Response {
        let title = EmailBody.escape(milestone?.title ?? record.key.milestoneID)
        let table = Self.table(record, milestone: milestone, configuration: configuration)
        guard case .newDate(let date) = answer else {
            return response(.ok, title: "Marked done", paragraphs: [
                "Thank you. \(title) is marked done, which closes this escalation: nobody further up is notified.",
            ], extra: table)
        }
        return response(.ok, title: "Acknowledged, with a new date", paragraphs: [
            "Thank you. \(title) is now due \(date.display(today: today)). No further escalation notices will be "
                + "sent; everyone notified will hear that \(EmailBody.escape(who)) took it.",
        ], extra: table)
    }

    /// `open`, or who closed it and when: `acknowledged by bob on Fri 4 Dec 10:12 ("on it")`.
    static func state(of record: EscalationRecord, calendar: BusinessCalendar) -> String {
        guard record.state != .open else { return "open" }
        let when = record.closedAt.map { " on \(calendar.shortDisplay($0))" } ?? ""
        guard let ack = record.acknowledgement else {
            return "resolved\(when): \(record.closeReason ?? "closed")"
        }
        let note = ack.note.map { " (\"\($0)\")" } ?? ""
        return "acknowledged by \(ack.by) on \(calendar.shortDisplay(ack.at))\(note)"
    }

    /// A person's name (`Alice Ng`), or the recipient as written when it is not a configured person.
    static func name(of key: String, in configuration: Configuration) -> String {
        configuration.people[key]?.name ?? key
    }
}
