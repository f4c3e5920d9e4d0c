import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Leases up to `limit` deliveries that are due: released (see ``release(at:_:)``), `pending` or `retrying`,
    /// `next_attempt_at <= now`, and not leased (or with a lease that ran out before `now`), oldest due first.
    /// Each is leased until `now + leaseSeconds` in the same write transaction, so no other caller gets it
    /// meanwhile.
    /// Deliveries of the channels in `excluding` are left alone (they are paced or their breaker is open).
    public func leaseDueDeliveries(
        now: Date, limit: Int, leaseSeconds: Double, excluding: Set<String> = []
    ) throws -> [(delivery: DeliveryRecord, message: OutgoingMessage)] {
        let time = now.timeIntervalSince1970
        let excluded = excluding.sorted()
        let exclusion = excluded.isEmpty ? "" : "AND d.channel NOT IN (\(databaseQuestionMarks(count: excluded.count)))"
        return try write { db in
            let statement = try db.cachedStatement(sql: """
                SELECT d.*, m.content AS message_content
                FROM deliveries d JOIN messages m ON m.id = d.message_id
                WHERE d.state IN ('pending', 'retrying') AND d.released = 1 AND d.next_attempt_at <= ?
                    AND (d.lease_until IS NULL OR d.lease_until < ?) \(exclusion)
                ORDER BY d.next_attempt_at, d.id
                LIMIT ?
                """)
            // A cursor's rows find columns by a name index built once per statement (copied rows search by name).
            let rows = try Row.fetchCursor(
                statement, arguments: [time, time] + StatementArguments(excluded) + [limit]
            )
            var due: [(delivery: DeliveryRecord, content: String)] = []
            while let row = try rows.next() {
                due.append((try Self.delivery(from: row), row["message_content"]))
            }
            let lease = try db.cachedStatement(sql: "UPDATE deliveries SET lease_until = ? WHERE id = ?")
            return try due.map { delivery, content in
                try lease.execute(arguments: [time + leaseSeconds, delivery.id])
                return (delivery, try storedMessage(content))
            }
        }
    }

    /// Records one attempt and what it means for its delivery; see `record(_:)`.
    @discardableResult
    public func record(attempt: AttemptRecord, outcome: DeliveryOutcome) throws -> [ChannelStatus] {
        try record([(attempt, outcome)])
    }

    /// Records many attempts in one transaction. For each: inserts the attempt, counts it, clears the lease, and
    /// moves the delivery to `delivered` (at attempt start + latency), `retrying` (at the given time, with the
    /// reason), `dead` (with the reason) or `held`: then its channel is disabled and every waiting delivery of the
    /// channel held too. A retry for a channel disabled meanwhile is held as well. The deliveries a bundle carries
    /// (``release(at:_:)``) end as the bundle's does when it is delivered or dead.
    ///
    /// - Returns: The channels these results disabled (not those already disabled), with their held counts.
    /// - Throws: `HeraldStoreError.unknownDelivery` when a delivery id is not stored; nothing is written then.
    @discardableResult
    public func record(_ results: [(AttemptRecord, DeliveryOutcome)]) throws -> [ChannelStatus] {
        try write { db in
            var disabled: [ChannelStatus] = []
            let insertAttempt = try db.cachedStatement(sql: """
                INSERT INTO attempts (delivery_id, started_at, latency_ms, http_status, curl_code, error,
                    response_excerpt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let delivered = try db.cachedStatement(sql: """
                UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, lease_until = NULL,
                    delivered_at = ?, latency_ms = ?
                WHERE id = ?
                """)
            let retrying = try db.cachedStatement(sql: """
                UPDATE deliveries SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = ?, last_error = ?,
                    state = CASE WHEN channel IN (SELECT channel FROM channels_disabled) THEN 'held' ELSE 'retrying' END
                WHERE id = ?
                """)
            let held = try db.cachedStatement(sql: """
                UPDATE deliveries SET state = 'held', attempts = attempts + 1, lease_until = NULL, last_error = ?
                WHERE id = ?
                """)
            let dead = try db.cachedStatement(sql: """
                UPDATE deliveries SET state = 'dead', attempts = attempts + 1, lease_until = NULL, last_error = ?
                WHERE id = ?
                """)
            let carriedDelivered = try db.cachedStatement(sql: """
                UPDATE deliveries SET state = 'delivered', delivered_at = ?, latency_ms = ?
                WHERE bundled_in = ? AND state IN ('pending', 'held')
                """)
            let carriedDead = try db.cachedStatement(sql: """
                UPDATE deliveries SET state = 'dead', last_error = 'not sent: the message carrying it failed: ' || ?
                WHERE bundled_in = ? AND state IN ('pending', 'held')
                """)
            for (attempt, outcome) in results {
                var carried: (Statement, StatementArguments)?
                switch outcome {
                case .delivered:
                    let at = attempt.startedAt.timeIntervalSince1970 + attempt.latencyMilliseconds / 1000
                    try delivered.execute(arguments: [at, attempt.latencyMilliseconds, attempt.deliveryID])
                    carried = (carriedDelivered, [at, attempt.latencyMilliseconds, attempt.deliveryID])
                case .retry(let next, let reason):
                    try retrying.execute(arguments: [next.timeIntervalSince1970, reason, attempt.deliveryID])
                case .dead(let reason):
                    try dead.execute(arguments: [reason, attempt.deliveryID])
                    carried = (carriedDead, [reason, attempt.deliveryID])
                case .held(let reason):
                    try held.execute(arguments: [reason, attempt.deliveryID])
                }
                guard db.changesCount == 1 else { throw HeraldStoreError.unknownDelivery(attempt.deliveryID) }
                if let (statement, arguments) = carried { try statement.execute(arguments: arguments) }
                if case .held(let reason) = outcome,
                   let status = try disableChannel(ofDelivery: attempt.deliveryID, reason: reason,
                                                   at: attempt.startedAt, db) {
                    disabled.append(status)
                }
                try insertAttempt.execute(arguments: [
                    attempt.deliveryID, attempt.startedAt.timeIntervalSince1970, attempt.latencyMilliseconds,
                    attempt.httpStatus, attempt.curlCode, attempt.error, attempt.responseExcerpt,
                ])
            }
            return disabled
        }
    }

    /// Clears every lease, making deliveries that were in flight when the process stopped leasable again.
    /// Run once at start-up, before the dispatcher starts.
    /// - Returns: How many leased deliveries were reclaimed.
    @discardableResult
    public func reclaimLeases() throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE deliveries SET lease_until = NULL WHERE lease_until IS NOT NULL")
            return db.changesCount
        }
    }

    /// When the earliest released `pending` or `retrying` delivery that is not leased falls due; nil when none waits.
    /// The dispatcher sleeps until then (or until new messages are committed).
    /// Deliveries of the `excluding` channels are left out.
    public func nextAttemptTime(excluding: Set<String> = []) throws -> Date? {
        let excluded = excluding.sorted()
        let exclusion = excluded.isEmpty ? "" : "AND channel NOT IN (\(databaseQuestionMarks(count: excluded.count)))"
        return try writer.read { db in
            try Double.fetchOne(db, sql: """
                SELECT next_attempt_at FROM deliveries
                WHERE state IN ('pending', 'retrying') AND released = 1 AND lease_until IS NULL \(exclusion)
                ORDER BY next_attempt_at LIMIT 1
                """, arguments: StatementArguments(excluded))
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Deliveries, newest first.
    /// - Parameters:
    ///   - states: Only these states; nil for all.
    ///   - channel: Only this channel; nil for all.
    ///   - limit: At most this many.
    public func deliveries(states: Set<DeliveryState>?, channel: String?, limit: Int) throws -> [DeliveryRecord] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let states {
                let sorted = states.map(\.rawValue).sorted()
                conditions.append("state IN (\(databaseQuestionMarks(count: sorted.count)))")
                arguments += StatementArguments(sorted)
                if sorted.isEmpty { return [] }
            }
            if let channel {
                conditions.append("channel = ?")
                arguments += [channel]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [limit]
            return try Row.fetchAll(
                db, sql: "SELECT * FROM deliveries \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments
            )
            .map(Self.delivery(from:))
        }
    }

    /// The attempts of one delivery, oldest first.
    public func attempts(deliveryID: Int64) throws -> [AttemptRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM attempts WHERE delivery_id = ? ORDER BY id", arguments: [deliveryID]
            )
            .map(Self.attempt(from:))
        }
    }
}
