import Foundation
import HeraldCore

/// Renders the snoozes in force (`herald snoozes`): a line each for people, JSON for scripts.
public enum SnoozeReport {
    /// `apollo/design until Mon 7 Dec (by bob: on leave) · since 2026-11-30 10:00`.
    public static func line(_ snooze: Snooze, in zone: TimeZone) -> String {
        let scope = snooze.milestoneID == nil ? " (whole project)" : ""
        let since = ConsoleLine.localTime(snooze.createdAt, in: zone)
        return TerminalText.safe("\(snooze.target)\(scope) \(snooze.summary) · since \(since)")
    }

    /// One JSON object per snooze, as an array.
    public static func json(_ snoozes: [Snooze]) -> String {
        JSONOutput.pretty(snoozes.map(Item.init))
    }

    private struct Item: Encodable {
        var project: String
        var milestone: String?
        var until: String?
        var untilDueChangeFrom: String?
        var by: String?
        var note: String?
        var createdAt: String

        init(_ snooze: Snooze) {
            project = snooze.projectID
            milestone = snooze.milestoneID
            switch snooze.end {
            case .date(let date, _): until = date.description
            case .dueChange(let due): untilDueChangeFrom = due.description
            }
            by = snooze.by
            note = snooze.note
            createdAt = ISO8601.string(snooze.createdAt)
        }

        enum CodingKeys: String, CodingKey {
            case project, milestone, until, by, note
            case untilDueChangeFrom = "until_due_change_from", createdAt = "created_at"
        }
    }
}
