import Foundation

/// A snooze: a milestone's (or a whole project's) reminders and escalations held back until a date, or until the
/// milestone's due date changes. Announcements of changes still go out: a snooze silences reminders, not news.
public struct Snooze: Hashable, Sendable {
    public var projectID: String
    /// The snoozed milestone; nil snoozes every milestone of the project.
    public var milestoneID: String?
    /// When the snooze ends.
    public var end: End
    /// Who asked for it (free text, usually a person key).
    public var by: String?
    public var note: String?
    public var createdAt: Date

    /// Creates a snooze.
    public init(projectID: String, milestoneID: String?, end: End, by: String? = nil, note: String? = nil,
                createdAt: Date) {
        self.projectID = projectID
        self.milestoneID = milestoneID
        self.end = end
        self.by = by
        self.note = note
        self.createdAt = createdAt
    }

    /// When a snooze ends.
    public enum End: Hashable, Sendable {
        /// At the start of `date` in the config's zone, the instant `startsAt`.
        case date(CivilDate, startsAt: Date)
        /// When the milestone's due date is no longer `from`, the due it had when snoozed.
        case dueChange(from: CivilDate)
    }

    /// `apollo/design-signoff`, or `apollo` for a whole project.
    public var target: String {
        milestoneID.map { "\(projectID)/\($0)" } ?? projectID
    }

    /// Whether it silences `milestone` at `now`: the milestone is its target (or in its project) and it has not
    /// ended.
    public func covers(_ milestone: Milestone, at now: Date) -> Bool {
        guard milestone.projectID == projectID, milestoneID == nil || milestoneID == milestone.id else { return false }
        switch end {
        case .date(_, let startsAt): return now < startsAt
        case .dueChange(let due): return milestone.due == due
        }
    }

    /// `until Mon 7 Dec (by bob: on leave)`, `until its due date changes from Fri 4 Dec`; a date in another year than
    /// the snooze's creation (UTC) carries its year (`until Mon 4 Jan 2027`).
    public var summary: String {
        let today = CivilDate(createdAt, in: TimeZone(identifier: "UTC")!)
        let until = switch end {
        case .date(let date, _): "until \(date.display(today: today))"
        case .dueChange(let due): "until its due date changes from \(due.display(today: today))"
        }
        let who = [by.map { "by \($0)" }, note].compactMap { $0 }.joined(separator: ": ")
        return who.isEmpty ? until : "\(until) (\(who))"
    }
}
