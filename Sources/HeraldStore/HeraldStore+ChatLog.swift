import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Records a chat command and its answer in the communication log.
    public func record(chat exchange: ChatExchange) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO chat_commands (at, platform, user_id, person, channel, text, answer, outcome,
                        project_id, milestone_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    exchange.at.timeIntervalSince1970, exchange.platform, exchange.userID, exchange.person,
                    exchange.channel, exchange.text, exchange.answer, exchange.outcome.rawValue, exchange.projectID,
                    exchange.milestoneID,
                ]
            )
        }
    }

    /// The chat commands the filter matches, oldest first: a project or milestone filter matches the commands that
    /// named it; a channel filter (a Herald channel key) matches none.
    func chatExchanges(_ filter: LogFilter, _ db: Database) throws -> [ChatExchange] {
        guard filter.channel == nil else { return [] }
        var conditions = SQLConditions()
        if let projectID = filter.projectID { conditions.add("project_id = ?", projectID) }
        if let milestoneID = filter.milestoneID { conditions.add("milestone_id = ?", milestoneID) }
        if let since = filter.since { conditions.add("at >= ?", since.timeIntervalSince1970) }
        if let until = filter.until { conditions.add("at <= ?", until.timeIntervalSince1970) }
        if let person = filter.person { conditions.add("person = ?", person) }
        var arguments = conditions.arguments
        let sql = "SELECT * FROM chat_commands" + conditions.whereClause + Self.newest(filter.limit, &arguments)
        return try Self.oldestFirst(Row.fetchAll(db, sql: sql, arguments: arguments), filter.limit).map { row in
            let outcome: String = row["outcome"]
            guard let parsed = ChatExchange.Outcome(rawValue: outcome) else {
                throw HeraldStoreError.corruptValue(column: "chat_commands.outcome", value: outcome)
            }
            return ChatExchange(
                at: Self.date(row, "at"), platform: row["platform"], userID: row["user_id"], person: row["person"],
                channel: row["channel"], text: row["text"], answer: row["answer"], outcome: parsed,
                projectID: row["project_id"], milestoneID: row["milestone_id"]
            )
        }
    }
}
