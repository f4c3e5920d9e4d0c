import Foundation
import HeraldCore

/// The durable queue the dispatcher works from (the store implements it).
public protocol DeliveryQueue: Sendable {
    /// Leases up to `limit` deliveries due at `now`, except those of the `excluding` channels, so no other worker
    /// takes them for `leaseSeconds`.
    func leaseDueDeliveries(now: Date, limit: Int, leaseSeconds: Double, excluding: Set<String>) throws
        -> [(delivery: DeliveryRecord, message: OutgoingMessage)]
    /// Records attempts and what they mean for their deliveries, in one transaction; returns the channels this
    /// disabled (a `held` outcome).
    @discardableResult
    func record(_ results: [(AttemptRecord, DeliveryOutcome)]) throws -> [ChannelStatus]
    /// When the earliest waiting delivery not of the `excluding` channels is due, or nil when none waits.
    func nextAttemptTime(excluding: Set<String>) throws -> Date?
    /// Keeps leased deliveries that may not start yet from being leased again before their time (no attempt
    /// counted).
    func postpone(_ deliveries: [(id: Int64, until: Date)]) throws
    /// Records that no attempt goes to `channel` before the pause ends, and why, for those who read the queue.
    func pause(channel: String, _ pause: ChannelPause) throws
}
