import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// An escalation's acknowledgement, as a milestone's history shows it.
    public struct AcknowledgementEvent: Hashable, Sendable {
        /// The escalation's id (`esc_…`).
        public var escalationID: String
        /// The escalated milestone's project.
        public var projectID: String
        /// The escalated milestone's id.
        public var milestoneID: String
        /// Who acknowledged it, when, with what note.
        public var acknowledgement: Acknowledgement
    }

    /// A snooze with when it was lifted and why (both nil while in force or once it ran out).
    public struct SnoozeEvent: Hashable, Sendable {
        /// The snooze as it was made.
        public var snooze: Snooze
        /// When it was lifted.
        public var liftedAt: Date?
        /// Why: `unsnoozed`, `due changed`, `replaced by a new snooze`.
        public var liftedReason: String?
    }

    /// The acknowledged escalations of `projectID`'s milestone `milestoneID` (of all its milestones when nil), in the
    /// order they were acknowledged.
    public func acknowledgements(projectID: String, milestoneID: String?) throws -> [AcknowledgementEvent] {
        try writer.read { db in
            var conditions = SQLConditions()
            conditions.add("project_id = ?", projectID)
            if let milestoneID { conditions.add("milestone_id = ?", milestoneID) }
            conditions.add("acked_at IS NOT NULL")
            let sql = "SELECT id, project_id, milestone_id, acked_by, acked_at, ack_note FROM escalations"
                + conditions.whereClause
                + " ORDER BY acked_at, id"
            return try Row.fetchAll(db, sql: sql, arguments: conditions.arguments).map(Self.acknowledgement(from:))
        }
    }

    /// The acknowledgement of an `escalations` row read with its id, project, milestone and `acked_` columns.
    static func acknowledgement(from row: Row) -> AcknowledgementEvent {
        AcknowledgementEvent(
            escalationID: row["id"], projectID: row["project_id"], milestoneID: row["milestone_id"],
            acknowledgement: Acknowledgement(
                by: row["acked_by"] ?? "unknown", at: Self.date(row, "acked_at"), note: row["ack_note"]
            )
        )
    }

    /// The snoozes of `projectID`'s milestone `milestoneID` (of all its milestones when nil) and of the whole project,
    /// in the order they were made, each with its lifting.
    public func snoozeEvents(projectID: String, milestoneID: String?) throws -> [SnoozeEvent] {
        try writer.read { db in
            var conditions = SQLConditions()
            conditions.add("project_id = ?", projectID)
            if let milestoneID { conditions.add("(milestone_id = ? OR milestone_id IS NULL)", milestoneID) }
            let sql = "SELECT * FROM snoozes" + conditions.whereClause + " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: conditions.arguments).map { row in
                SnoozeEvent(
                    snooze: try Self.snooze(from: row), liftedAt: Self.optionalDate(row, "lifted_at"),
                    liftedReason: row["lifted_reason"]
                )
            }
        }
    }
}
