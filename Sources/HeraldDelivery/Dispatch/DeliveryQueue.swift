import Foundation
import HeraldCore

/// The durable queue the dispatcher works from (the store implements it).
public protocol DeliveryQueue: Sendable {
    /// Leases up to `limit` deliveries due at `now` so no other worker takes them for `leaseSeconds`.
    func leaseDueDeliveries(now: Date, limit: Int, leaseSeconds: Double) throws
        -> [(delivery: DeliveryRecord, message: OutgoingMessage)]
    /// Records attempts and what they mean for their deliveries, in one transaction.
    func record(_ results: [(AttemptRecord, DeliveryOutcome)]) throws
    /// When the earliest waiting delivery is due, or nil when none waits.
    func nextAttemptTime() throws -> Date?
}
