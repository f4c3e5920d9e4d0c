import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Records `snooze`; a snooze still in force on the same target (the same milestone, or the same whole project)
    /// is lifted by it, so each target has at most one. The target's queued reminders and escalation notices are
    /// withdrawn (`cancelled`, "withdrawn: snoozed until Mon 7 Dec"): nothing decided before the snooze goes out
    /// during it.
    public func add(snooze: Snooze) throws {
        try writer.write { db in
            try lift(projectID: snooze.projectID, milestoneID: snooze.milestoneID, reason: "replaced by a new snooze",
                     at: snooze.createdAt, db)
            var untilDate: String?
            var untilAt: Double?
            var untilDue: String?
            let until: String
            switch snooze.end {
            case .date(let date, let startsAt):
                (untilDate, untilAt) = (date.description, startsAt.timeIntervalSince1970)
                until = date.shortDisplay
            case .dueChange(let due):
                untilDue = due.description
                until = "its due date changes"
            }
            try withdrawPendingWork(
                projectID: snooze.projectID, milestoneID: snooze.milestoneID,
                reason: "withdrawn: snoozed until \(until)", at: snooze.createdAt, db
            )
            try db.execute(
                sql: """
                    INSERT INTO snoozes (project_id, milestone_id, until_date, until_at, until_due_change_from, by,
                        note, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    snooze.projectID, snooze.milestoneID, untilDate, untilAt, untilDue, snooze.by, snooze.note,
                    snooze.createdAt.timeIntervalSince1970,
                ]
            )
        }
    }

    /// Lifts the snooze in force on exactly this target (`herald unsnooze`); a project's snooze does not lift its
    /// milestones' own ones. Returns how many were lifted (0 or 1).
    @discardableResult
    public func liftSnooze(projectID: String, milestoneID: String?, at: Date) throws -> Int {
        try writer.write { db in
            try lift(projectID: projectID, milestoneID: milestoneID, reason: "unsnoozed", at: at, db)
        }
    }

    /// The snoozes in force at `now`: not lifted, and for a dated one, before its date. A snooze until the due date
    /// changes is lifted when a source changes the due (`apply`).
    public func activeSnoozes(at now: Date) throws -> [Snooze] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM snoozes WHERE lifted_at IS NULL AND (until_at IS NULL OR until_at > ?)
                ORDER BY project_id, milestone_id, id
                """, arguments: [now.timeIntervalSince1970]).map(Self.snooze(from:))
        }
    }

    /// Lifts the snoozes of a milestone that last until its due changes, when `due` differs from theirs (inside the
    /// transaction that applies the change).
    func liftDueChangeSnoozes(projectID: String, milestoneID: String, due: CivilDate, at: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE snoozes SET lifted_at = ?, lifted_reason = 'due changed'
                WHERE lifted_at IS NULL AND project_id = ? AND milestone_id = ?
                    AND until_due_change_from IS NOT NULL AND until_due_change_from != ?
                """,
            arguments: [at.timeIntervalSince1970, projectID, milestoneID, due.description]
        )
    }

    @discardableResult
    private func lift(projectID: String, milestoneID: String?, reason: String, at: Date, _ db: Database) throws -> Int {
        try db.execute(
            sql: """
                UPDATE snoozes SET lifted_at = ?, lifted_reason = ?
                WHERE lifted_at IS NULL AND project_id = ? AND milestone_id IS ? AND (until_at IS NULL OR until_at > ?)
                """,
            arguments: [at.timeIntervalSince1970, reason, projectID, milestoneID, at.timeIntervalSince1970]
        )
        return db.changesCount
    }

    /// A `snoozes` row.
    static func snooze(from row: Row) throws -> Snooze {
        let end: Snooze.End
        if let startsAt = optionalDate(row, "until_at") {
            end = .date(try civilDate(row["until_date"], column: "snoozes.until_date"), startsAt: startsAt)
        } else {
            end = .dueChange(from: try civilDate(row["until_due_change_from"], column: "snoozes.until_due_change_from"))
        }
        return Snooze(
            projectID: row["project_id"], milestoneID: row["milestone_id"], end: end, by: row["by"], note: row["note"],
            createdAt: date(row, "created_at")
        )
    }
}
