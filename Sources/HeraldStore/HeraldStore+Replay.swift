import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// What replaying a delivery did.
    public enum ReplayOutcome: Hashable, Sendable {
        /// A new delivery of the same message to the same channel, due at once: `pending` (`held` while the channel
        /// is disabled), no attempts yet, naming the delivery it replays and who asked.
        case queued(DeliveryRecord)
        /// The message already waits to go to that channel (this delivery, or an earlier replay of it: `pending`,
        /// `retrying`, in flight or `held`); nothing changed. The waiting delivery.
        case alreadyWaiting(DeliveryRecord)
    }

    /// Sends the message of delivery `id` again, whatever became of it (`dead`, or `delivered` and lost by the
    /// receiver): a new delivery with a fresh attempt count, so the retry policy starts afresh, and the same message
    /// id, so receivers see the same `webhook-id`. The replayed delivery keeps its state and attempts.
    ///
    /// - Parameter by: Who asks for it, kept with the new delivery for the log.
    /// - Throws: `HeraldStoreError.unknownDelivery` when no delivery has this id.
    public func replay(deliveryID id: Int64, by: String?, now: Date) throws -> ReplayOutcome {
        try writer.write { db in
            let delivery = try storedDelivery(id, db)
            if let waiting = try Row.fetchOne(db, sql: """
                SELECT * FROM deliveries
                WHERE message_id = ? AND channel = ? AND state IN ('pending', 'retrying', 'held')
                ORDER BY id LIMIT 1
                """, arguments: [delivery.messageID, delivery.channel]) {
                return .alreadyWaiting(try Self.delivery(from: waiting))
            }
            return .queued(try storedDelivery(try insertReplay(of: delivery, by: by, now: now, db), db))
        }
    }

    /// Sends message `id` (`msg_…`, the `webhook-id` a receiver logs) again: replays its latest delivery, as
    /// ``replay(deliveryID:by:now:)`` does.
    /// - Throws: `HeraldStoreError.unknownMessage` when no delivery carries this message.
    public func replay(messageID id: String, by: String?, now: Date) throws -> ReplayOutcome {
        let latest = try writer.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT id FROM deliveries WHERE message_id = ? ORDER BY id DESC LIMIT 1", arguments: [id]
            )
        }
        guard let latest else { throw HeraldStoreError.unknownMessage(id) }
        return try replay(deliveryID: latest, by: by, now: now)
    }

    /// Replays every `dead` delivery created at or after `since` (nil: any time) to `channel` (nil: any) that is
    /// the latest delivery of its message to its channel (one already replayed is left to its replay).
    /// - Returns: The new delivery ids, oldest first.
    public func replay(since: Date?, channel: String?, by: String?, now: Date) throws -> [Int64] {
        try writer.write { db in
            var conditions = SQLConditions()
            conditions.add("d.state = 'dead'")
            conditions.add("""
                NOT EXISTS (SELECT 1 FROM deliveries l WHERE l.message_id = d.message_id AND l.channel = d.channel
                    AND l.id > d.id)
                """)
            if let since { conditions.add("d.created_at >= ?", since.timeIntervalSince1970) }
            if let channel { conditions.add("d.channel = ?", channel) }
            return try Row.fetchAll(
                db, sql: "SELECT d.* FROM deliveries d" + conditions.whereClause + " ORDER BY d.id",
                arguments: conditions.arguments
            )
            .map { try insertReplay(of: try Self.delivery(from: $0), by: by, now: now, db) }
        }
    }

    /// The delivery `id`; `HeraldStoreError.unknownDelivery` when there is none.
    private func storedDelivery(_ id: Int64, _ db: Database) throws -> DeliveryRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM deliveries WHERE id = ?", arguments: [id]) else {
            throw HeraldStoreError.unknownDelivery(id)
        }
        return try Self.delivery(from: row)
    }

    /// Inserts a new delivery, due at `now`, of the message of `delivery` to its channel, naming it as the one
    /// replayed, its retries' age counted from `now`; returns the new id.
    private func insertReplay(of delivery: DeliveryRecord, by: String?, now: Date, _ db: Database) throws -> Int64 {
        let time = now.timeIntervalSince1970
        try db.cachedStatement(sql: Self.insertDeliverySQL)
            .execute(arguments: [delivery.messageID, delivery.channel, time, time])
        let replay = db.lastInsertedRowID
        try db.execute(
            sql: "UPDATE deliveries SET replay_of = ?, replayed_by = ?, aged_from = ? WHERE id = ?",
            arguments: [delivery.id, by, time, replay]
        )
        return replay
    }
}
