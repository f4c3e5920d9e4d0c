import Foundation
import GRDB
import HeraldCore

/// The messages waiting for release, as the release step sees them inside its transaction.
public struct ReleaseQueue {
    /// The waiting deliveries due by the step's horizon, oldest due first.
    public let candidates: [ReleaseCandidate]
    /// The facts at release: the tracked milestones and current escalations (empty when nothing waits).
    public let facts: ReleaseFacts
    /// How many messages `person` has had released since an instant (a bundle counts once, its items not at all).
    public let sentSince: (String, Date) -> Int
}

/// Decides what the waiting messages do (see `RuleEngine.release(_:facts:now:sentSince:)`).
public typealias ReleaseDecider = (ReleaseQueue) -> ReleasePlan

/// A release step to run: over the deliveries due by `until` (now and the bundling window after it).
public struct ReleaseStep {
    public var until: Date
    public var decide: ReleaseDecider

    /// Creates a step.
    public init(until: Date, decide: @escaping ReleaseDecider) {
        self.until = until
        self.decide = decide
    }
}

extension HeraldStore {
    /// Runs the release step in one transaction: its `decide` sees the deliveries waiting unreleased and due
    /// by its `until`, and what it decides is written: released deliveries become leasable, rewritten messages
    /// are stored under their ids, withdrawn ones end `cancelled` with their reason, each bundle is stored with
    /// one released delivery that carries its items' deliveries (they end as it does), and deferred ones wait
    /// longer.
    @discardableResult
    public func release(at now: Date, _ step: ReleaseStep) throws -> ReleasePlan {
        try write { db in try release(at: now, step, db) }
    }

    /// The release step inside the caller's transaction; see ``release(at:_:)``.
    func release(at now: Date, _ step: ReleaseStep, _ db: Database) throws -> ReleasePlan {
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.id, d.next_attempt_at, m.content FROM deliveries d JOIN messages m ON m.id = d.message_id
            WHERE d.released = 0 AND d.state = 'pending' AND d.bundled_in IS NULL AND d.next_attempt_at <= ?
            ORDER BY d.next_attempt_at, d.id
            """, arguments: [step.until.timeIntervalSince1970])
        guard !rows.isEmpty else { return ReleasePlan() }
        let candidates = try rows.map { row in
            ReleaseCandidate(
                deliveryID: row["id"], message: try storedMessage(row["content"]),
                dueAt: Self.date(row, "next_attempt_at")
            )
        }
        let facts = ReleaseFacts(milestones: try trackedMilestones(db), escalations: try currentEscalations(db))
        let count = try db.cachedStatement(sql: """
            SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id, json_each(m.recipients) r
            WHERE r.value = ? AND d.released_at >= ? AND d.bundled_in IS NULL AND d.replay_of IS NULL
              AND d.state != 'cancelled'
            """)
        let plan = step.decide(ReleaseQueue(candidates: candidates, facts: facts) { person, start in
            (try? Int.fetchOne(count, arguments: [person, start.timeIntervalSince1970])) ?? 0
        })
        try store(plan, at: now, db)
        return plan
    }

    /// Writes what the release step decided.
    private func store(_ plan: ReleasePlan, at now: Date, _ db: Database) throws {
        let time = now.timeIntervalSince1970
        let rewrite = try db.cachedStatement(sql: "UPDATE messages SET text = ?, content = ? WHERE id = ?")
        for message in plan.rewritten {
            try rewrite.execute(arguments: [message.text, try json(message), message.id])
        }
        let release = try db.cachedStatement(sql: "UPDATE deliveries SET released = 1, released_at = ? WHERE id = ?")
        for id in plan.released { try release.execute(arguments: [time, id]) }
        let carry = try db.cachedStatement(sql: """
            UPDATE deliveries SET bundled_in = ?, released_at = ?, last_error = ? WHERE id = ?
            """)
        for carried in plan.carried {
            try carry.execute(arguments: [carried.by, time, carried.note, carried.deliveryID])
        }
        for bundle in plan.bundles {
            try insert(ruleStates: [], messages: try encode([bundle.message]), at: now, db)
            let bundleDelivery = db.lastInsertedRowID
            for id in bundle.deliveryIDs { try carry.execute(arguments: [bundleDelivery, time, bundle.note, id]) }
        }
        let postpone = try db.cachedStatement(sql: "UPDATE deliveries SET next_attempt_at = ? WHERE id = ?")
        for deferral in plan.deferred {
            try postpone.execute(arguments: [deferral.until.timeIntervalSince1970, deferral.deliveryID])
        }
        var cancelled: [String] = []
        let withdraw = try db.cachedStatement(sql: """
            UPDATE deliveries SET state = 'cancelled', last_error = ? WHERE id = ? AND state = 'pending'
            RETURNING channel
            """)
        for withdrawal in plan.withdrawn {
            cancelled += try String.fetchAll(withdraw, arguments: [withdrawal.reason, withdrawal.deliveryID])
        }
        announceCancelled(channels: cancelled, db)
    }

    /// When the release step next has something to do after `time`: the earliest time a waiting delivery falls due
    /// (the end of a hold, a fold, or the last item of a window); nil when none waits.
    public func nextReleaseTime(after time: Date) throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(db, sql: """
                SELECT min(next_attempt_at) FROM deliveries
                WHERE released = 0 AND state = 'pending' AND bundled_in IS NULL AND next_attempt_at > ?
                """, arguments: [time.timeIntervalSince1970])
                .map(Date.init(timeIntervalSince1970:))
        }
    }
}
