import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// The communication log: messages with their deliveries, ordered by release time (the end of a message's hold
    /// for quiet hours, else its decision), then message id, then delivery id (oldest first). `since` and `until`
    /// read release times too. With a `limit`, the most recent entries are kept.
    ///
    /// The milestone filter matches a message's first milestone (the `milestone_id` column); a digest naming
    /// several milestones is found through the first one only.
    public func log(_ filter: LogFilter) throws -> [LogEntry] {
        try writer.read { db in
            var conditions = SQLConditions()
            if let projectID = filter.projectID { conditions.add("m.project_id = ?", projectID) }
            if let milestoneID = filter.milestoneID { conditions.add("m.milestone_id = ?", milestoneID) }
            if let since = filter.since { conditions.add("\(Self.releasedAt) >= ?", since.timeIntervalSince1970) }
            if let until = filter.until { conditions.add("\(Self.releasedAt) <= ?", until.timeIntervalSince1970) }
            if let channel = filter.channel { conditions.add("m.channel = ?", channel) }
            if let person = filter.person {
                conditions.add("EXISTS (SELECT 1 FROM json_each(m.recipients) WHERE value = ?)", person)
            }
            if let state = filter.state {
                guard let condition = state.messageCondition else { return [] }
                conditions.add(condition)
            }
            var arguments = conditions.arguments
            var sql = """
                SELECT d.*, m.content AS message_content
                FROM messages m JOIN deliveries d ON d.message_id = m.id\(conditions.whereClause)
                """
            if let limit = filter.limit {
                sql += " ORDER BY \(Self.releasedAt) DESC, m.id DESC, d.id DESC LIMIT ?"
                arguments += [limit]
            } else {
                sql += " ORDER BY \(Self.releasedAt), m.id, d.id"
            }
            let entries = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                LogEntry(
                    message: try decode(OutgoingMessage.self, from: row["message_content"]),
                    delivery: try Self.delivery(from: row)
                )
            }
            return filter.limit == nil ? entries : entries.reversed()
        }
    }

    /// When a message `m` is released, as ``OutgoingMessage/releasedAt`` says: the end of its hold, else its creation.
    static let releasedAt = "coalesce(json_extract(m.content, '$.heldUntil'), m.created_at)"
}
