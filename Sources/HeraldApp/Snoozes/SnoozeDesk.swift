import Foundation
import HeraldCore
import HeraldStore

/// Snoozes and unsnoozes against the store, checking the target exists there: the work behind `herald snooze` and
/// `herald unsnooze`, which run whether or not the daemon does.
public enum SnoozeDesk {
    /// Records a snooze of `target` and returns it.
    ///
    /// - Throws: `SnoozeError` when the project or milestone is not in the store, when the date has already begun in
    ///   `zone`, or when a whole project is asked to wait for a due change.
    @discardableResult
    public static func snooze(
        _ target: SnoozeTarget, length: SnoozeLength, by: String?, note: String?, store: HeraldStore,
        zone: TimeZone, now: Date
    ) throws -> Snooze {
        let milestone = try resolve(target, in: store)
        let end: Snooze.End
        switch length {
        case .untilDate(let date):
            let calendar = BusinessCalendar(timeZone: zone)
            guard calendar.today(at: now) < date else {
                throw SnoozeError(description: "\(date) has already begun; snooze until a later date")
            }
            end = .date(date, startsAt: calendar.instant(of: date, minuteOfDay: 0))
        case .untilDueChange:
            guard let milestone else {
                throw SnoozeError(description: "--until-due-change needs a milestone (PROJECT/MILESTONE)")
            }
            end = .dueChange(from: milestone.due)
        }
        let snooze = Snooze(
            projectID: target.projectID, milestoneID: target.milestoneID, end: end, by: by, note: note, createdAt: now
        )
        try store.add(snooze: snooze)
        return snooze
    }

    /// Lifts the snooze in force on `target`; returns whether there was one.
    ///
    /// - Throws: `SnoozeError` when the project or milestone is not in the store.
    public static func unsnooze(_ target: SnoozeTarget, store: HeraldStore, now: Date) throws -> Bool {
        try resolve(target, in: store)
        return try store.liftSnooze(projectID: target.projectID, milestoneID: target.milestoneID, at: now) > 0
    }

    /// The target's milestone (nil for a whole project), or an error naming what the store does not know.
    @discardableResult
    private static func resolve(_ target: SnoozeTarget, in store: HeraldStore) throws -> Milestone? {
        let projects = try store.projects()
        guard let project = projects.first(where: { $0.id == target.projectID }) else {
            throw SnoozeError(description: "unknown project '\(target.projectID)'"
                + known(projects.map(\.id), what: "projects"))
        }
        guard let milestoneID = target.milestoneID else { return nil }
        guard let milestone = project.milestones.first(where: { $0.id == milestoneID }) else {
            throw SnoozeError(description: "unknown milestone '\(milestoneID)' in project '\(project.id)'"
                + known(project.milestones.map(\.id), what: "milestones"))
        }
        return milestone
    }

    private static func known(_ ids: [String], what: String) -> String {
        ids.isEmpty ? " (the store has no \(what) yet: has the daemon read the project files?)"
            : " (known \(what): \(ids.joined(separator: ", ")))"
    }
}
