import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Withdraws the unsent reminders and escalation notices of every milestone these changes closed (done or
    /// cancelled) or removed, inside the caller's transaction: they end `cancelled` with the reason. A delivery in
    /// flight (leased) is left to finish; announcements are never withdrawn. The observer hears of the withdrawn
    /// deliveries once the transaction commits.
    func cancelPendingWork(closedBy changes: [MilestoneChange], at: Date, _ db: Database) throws {
        let cancel = try db.cachedStatement(sql: """
            UPDATE deliveries SET state = 'cancelled', last_error = ?
            WHERE state IN ('pending', 'retrying', 'held') AND (lease_until IS NULL OR lease_until < ?)
              AND message_id IN (
                SELECT id FROM messages
                WHERE project_id = ? AND milestone_id = ? AND kind IN ('reminder', 'escalation'))
            RETURNING channel
            """)
        var cancelled: [String] = []
        for change in changes {
            let reason: String
            if let current = change.current {
                guard current.status.isClosed, !(change.previous?.status.isClosed ?? false) else { continue }
                reason = "\(current.title) is \(current.status.rawValue)"
            } else if let previous = change.previous {
                reason = "\(previous.title) was removed"
            } else {
                continue
            }
            cancelled += try String.fetchAll(
                cancel, arguments: [reason, at.timeIntervalSince1970, change.projectID, change.milestoneID]
            )
        }
        if let observer, !cancelled.isEmpty {
            db.afterNextTransaction { [cancelled] _ in observer.cancelled(channels: cancelled) }
        }
    }
}
