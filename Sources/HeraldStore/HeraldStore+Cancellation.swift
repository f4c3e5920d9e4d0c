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
        announceCancelled(channels: cancelled, db)
    }

    /// Withdraws the unsent deliveries of the messages `ids` (a closed escalation's notices) inside the caller's
    /// transaction: they end `cancelled` with `reason`. A delivery in flight (leased) or already tried (retrying)
    /// is left to finish, since it may have reached its reader; delivered ones are history.
    func withdraw(messageIDs ids: [String], reason: String, at: Date, _ db: Database) throws {
        guard !ids.isEmpty else { return }
        var arguments: StatementArguments = [reason, at.timeIntervalSince1970]
        arguments += StatementArguments(ids)
        let channels = try String.fetchAll(db, sql: """
            UPDATE deliveries SET state = 'cancelled', last_error = ?
            WHERE state IN ('pending', 'held') AND attempts = 0 AND (lease_until IS NULL OR lease_until < ?)
              AND message_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
            RETURNING channel
            """, arguments: arguments)
        announceCancelled(channels: channels, db)
    }

    /// Withdraws the unsent reminders and escalation notices about a milestone (or, with no milestone, about every
    /// milestone of the project) inside the caller's transaction: waiting, held or retrying, they end `cancelled`
    /// with `reason`. A delivery in flight (leased) is left to finish.
    func withdrawPendingWork(projectID: String, milestoneID: String?, reason: String, at: Date, _ db: Database) throws {
        let channels = try String.fetchAll(db, sql: """
            UPDATE deliveries SET state = 'cancelled', last_error = ?
            WHERE state IN ('pending', 'retrying', 'held') AND (lease_until IS NULL OR lease_until < ?)
              AND message_id IN (
                SELECT id FROM messages
                WHERE project_id = ? AND (? IS NULL OR milestone_id = ?) AND kind IN ('reminder', 'escalation'))
            RETURNING channel
            """, arguments: [reason, at.timeIntervalSince1970, projectID, milestoneID, milestoneID])
        announceCancelled(channels: channels, db)
    }

    /// Tells the observer of withdrawn deliveries once the transaction commits.
    private func announceCancelled(channels: [String], _ db: Database) {
        if let observer, !channels.isEmpty {
            db.afterNextTransaction { [channels] _ in observer.cancelled(channels: channels) }
        }
    }
}
