import Foundation
import GRDB
import HeraldCore

/// Decoding of stored rows into HeraldCore values.
extension HeraldStore {
    /// A REAL Unix-seconds column as a date.
    static func date(_ row: Row, _ column: String) -> Date {
        Date(timeIntervalSince1970: row[column])
    }

    /// A nullable REAL Unix-seconds column as a date.
    static func optionalDate(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    /// A TEXT `YYYY-MM-DD` column as a civil date.
    static func civilDate(_ text: String, column: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw HeraldStoreError.corruptValue(column: column, value: text) }
        return date
    }

    /// A `milestones` row.
    func milestone(from row: Row) throws -> Milestone {
        let statusText: String = row["status"]
        guard let status = MilestoneStatus(rawValue: statusText) else {
            throw HeraldStoreError.corruptValue(column: "milestones.status", value: statusText)
        }
        return Milestone(
            projectID: row["project_id"],
            id: row["id"],
            title: row["title"],
            phase: row["phase"],
            owner: row["owner"],
            due: try Self.civilDate(row["due"], column: "milestones.due"),
            dueInstant: Self.optionalDate(row, "due_instant"),
            baseline: try (row["baseline"] as String?).map { try Self.civilDate($0, column: "milestones.baseline") },
            status: status,
            critical: row["critical"],
            dependsOn: try decode([String].self, from: row["depends_on"]),
            deliverables: try decode([String].self, from: row["deliverables"]),
            labels: try decode([String: String].self, from: row["labels"])
        )
    }

    /// The history facts kept on a `milestones` row (`due_moves`, `due_moved_from`, `due_moved_to`,
    /// `status_changed_at`, which falls back to `created_at`).
    static func historyFacts(from row: Row) throws -> MilestoneHistoryFacts {
        var lastMove: DueMove?
        if let from: String = row["due_moved_from"], let to: String = row["due_moved_to"] {
            lastMove = DueMove(
                from: try civilDate(from, column: "milestones.due_moved_from"),
                to: try civilDate(to, column: "milestones.due_moved_to")
            )
        }
        return MilestoneHistoryFacts(
            timesMoved: row["due_moves"], lastMove: lastMove,
            statusChangedAt: optionalDate(row, "status_changed_at") ?? date(row, "created_at")
        )
    }

    /// A `deliveries` row (columns of `deliveries`, possibly joined with others).
    static func delivery(from row: Row) throws -> DeliveryRecord {
        let stateText: String = row["state"]
        guard let state = DeliveryState(rawValue: stateText) else {
            throw HeraldStoreError.corruptValue(column: "deliveries.state", value: stateText)
        }
        return DeliveryRecord(
            id: row["id"],
            messageID: row["message_id"],
            channel: row["channel"],
            state: state,
            attempts: row["attempts"],
            nextAttemptAt: date(row, "next_attempt_at"),
            createdAt: date(row, "created_at"),
            deliveredAt: optionalDate(row, "delivered_at"),
            lastError: row["last_error"],
            latencyMilliseconds: row["latency_ms"],
            replayOf: row["replay_of"],
            replayedBy: row["replayed_by"],
            agedFrom: optionalDate(row, "aged_from"),
            carriedBy: row["bundled_in"]
        )
    }

    /// An `attempts` row.
    static func attempt(from row: Row) -> AttemptRecord {
        AttemptRecord(
            deliveryID: row["delivery_id"],
            startedAt: date(row, "started_at"),
            latencyMilliseconds: row["latency_ms"],
            httpStatus: row["http_status"],
            curlCode: row["curl_code"],
            error: row["error"],
            responseExcerpt: row["response_excerpt"]
        )
    }
}
