import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Creates a new `pending` delivery (a new attempt chain, due at `now`; `held` while its channel is disabled)
    /// for the message of each given delivery, whatever its state. The message id is unchanged, so receivers see the same `webhook-id`.
    /// - Returns: The new delivery ids, in the order of `deliveryIDs`.
    /// - Throws: `HeraldStoreError.unknownDelivery` when an id is not stored; nothing is written then.
    public func replay(deliveryIDs: [Int64], now: Date = Date()) throws -> [Int64] {
        try writer.write { db in
            try deliveryIDs.map { id in
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT message_id, channel FROM deliveries WHERE id = ?", arguments: [id]
                ) else { throw HeraldStoreError.unknownDelivery(id) }
                return try insertReplay(messageID: row["message_id"], channel: row["channel"], now: now, db)
            }
        }
    }

    /// Replays every `dead` delivery created at or after `since` (nil: any time) to `channel` (nil: any).
    /// - Returns: The new delivery ids, oldest first.
    public func replay(since: Date?, channel: String?, now: Date = Date()) throws -> [Int64] {
        try writer.write { db in
            var sql = "SELECT message_id, channel FROM deliveries WHERE state = 'dead'"
            var arguments: StatementArguments = []
            if let since {
                sql += " AND created_at >= ?"
                arguments += [since.timeIntervalSince1970]
            }
            if let channel {
                sql += " AND channel = ?"
                arguments += [channel]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
                try insertReplay(messageID: row["message_id"], channel: row["channel"], now: now, db)
            }
        }
    }

    private func insertReplay(messageID: String, channel: String, now: Date, _ db: Database) throws -> Int64 {
        let time = now.timeIntervalSince1970
        try db.cachedStatement(sql: Self.insertDeliverySQL).execute(arguments: [messageID, channel, time, time])
        return db.lastInsertedRowID
    }
}
