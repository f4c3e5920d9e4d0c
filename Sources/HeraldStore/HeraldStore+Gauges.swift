import Foundation
import GRDB
import HeraldCore

/// What the daemon's gauges show, read from the store in one transaction.
public struct QueueGauges: Hashable, Sendable {
    /// Deliveries waiting to be sent: `pending` or `retrying`, in flight included (`held` ones wait for their
    /// channel to be enabled and are not counted).
    public var waitingDeliveries: Int
    /// Since when the longest-waiting delivery has waited: a pending one since it fell due (its creation, or the end
    /// of its quiet-hours hold; one not due yet does not count), a retrying one since its first attempt. Nil when
    /// none waits.
    public var oldestDueSince: Date?
    /// Escalations still open (not acknowledged nor resolved).
    public var openEscalations: Int

    /// Creates gauge values.
    public init(waitingDeliveries: Int, oldestDueSince: Date?, openEscalations: Int) {
        self.waitingDeliveries = waitingDeliveries
        self.oldestDueSince = oldestDueSince
        self.openEscalations = openEscalations
    }
}

extension HeraldStore {
    /// The queue depth, the longest wait and the open escalations as of `now`.
    public func queueGauges(now: Date) throws -> QueueGauges {
        try writer.read { db in
            let waiting = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM deliveries WHERE state IN ('pending', 'retrying') AND bundled_in IS NULL"
            ) ?? 0
            let oldest = try Double.fetchOne(db, sql: """
                SELECT min(due_since) FROM (
                    SELECT CASE WHEN d.state = 'pending' THEN d.next_attempt_at
                        ELSE (SELECT min(a.started_at) FROM attempts a WHERE a.delivery_id = d.id) END AS due_since
                    FROM deliveries d WHERE d.state IN ('pending', 'retrying') AND d.bundled_in IS NULL)
                WHERE due_since <= ?
                """, arguments: [now.timeIntervalSince1970])
            let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM escalations WHERE state = 'open'") ?? 0
            return QueueGauges(
                waitingDeliveries: waiting, oldestDueSince: oldest.map(Date.init(timeIntervalSince1970:)),
                openEscalations: open
            )
        }
    }
}
