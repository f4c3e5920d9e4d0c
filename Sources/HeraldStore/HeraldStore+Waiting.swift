import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// The deliveries waiting for their channel, with their messages, in the order they fall due (next attempt time,
    /// then delivery id): `pending` ones (due at their next attempt time, which a hold may have pushed later than
    /// the decision) and `held` ones (their channel is disabled). Deliveries already tried (`retrying`) are not
    /// listed, nor those a bundle carries.
    public func waitingDeliveries() throws -> [LogEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.*, m.content AS message_content
                FROM deliveries d JOIN messages m ON m.id = d.message_id
                WHERE d.state IN ('pending', 'held') AND d.bundled_in IS NULL
                ORDER BY d.next_attempt_at, d.id
                """)
            .map { row in
                LogEntry(
                    message: try decode(OutgoingMessage.self, from: row["message_content"]),
                    delivery: try Self.delivery(from: row)
                )
            }
        }
    }
}
