import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// The communication log with suppressions, milestone changes, snoozes, acknowledgements and chat commands
    /// interleaved, oldest first, a message at its release (ties keep chat commands first, then changes, so what a
    /// command or a change caused follows it, then messages, suppressions, snoozes and acknowledgements). The filter
    /// applies to each: a milestone filter also shows its project's whole snoozes; a channel filter matches
    /// suppressions that would have gone there and leaves changes, snoozes, acknowledgements and chat commands out,
    /// as a state filter does; a person filter keeps the messages and suppressions naming them, the changes of the
    /// milestones they own (or that they made, or that gave or took a milestone from them), the snoozes they asked
    /// for, the acknowledgements they gave and the chat commands they typed. A milestone's creation is no change
    /// here (its history has it). With a `limit`, the most recent events are kept; with `until`, none later.
    public func timeline(_ filter: LogFilter) throws -> [LogEvent] {
        let messages = try log(filter).map(LogEvent.message)
        var events: [LogEvent] = []
        try writer.read { db in
            guard let state = filter.state else {
                events = try chatExchanges(filter, db).map(LogEvent.chat)
                if filter.channel == nil { events += try changes(filter, db).map(LogEvent.changed) }
                events += messages
                events += try suppressions(filter, db).map(LogEvent.suppressed)
                if filter.channel == nil {
                    events += try snoozeEvents(filter, db) + acknowledgementEvents(filter, db)
                }
                return
            }
            events = state == .suppressed ? try suppressions(filter, db).map(LogEvent.suppressed) : messages
        }
        let ordered = events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
        return filter.limit.map { Array(ordered.suffix($0)) } ?? ordered
    }

    private func suppressions(_ filter: LogFilter, _ db: Database) throws -> [Suppression] {
        var conditions = SQLConditions()
        if let projectID = filter.projectID { conditions.add("project_id = ?", projectID) }
        if let milestoneID = filter.milestoneID { conditions.add("milestone_id = ?", milestoneID) }
        if let since = filter.since { conditions.add("at >= ?", since.timeIntervalSince1970) }
        if let until = filter.until { conditions.add("at <= ?", until.timeIntervalSince1970) }
        if let channel = filter.channel {
            conditions.add("EXISTS (SELECT 1 FROM json_each(channels) WHERE value = ?)", channel)
        }
        if let person = filter.person {
            conditions.add("EXISTS (SELECT 1 FROM json_each(recipients) WHERE value = ?)", person)
        }
        var arguments = conditions.arguments
        let sql = "SELECT * FROM suppressions" + conditions.whereClause + Self.newest(filter.limit, &arguments)
        return try Self.oldestFirst(Row.fetchAll(db, sql: sql, arguments: arguments), filter.limit)
            .map(suppression(from:))
    }

    /// The milestones' changes the filter keeps; a milestone's creation (each field going from none to its first
    /// value when the milestone is created) is not one: `herald history` lists it.
    private func changes(_ filter: LogFilter, _ db: Database) throws -> [HistoryEntry] {
        var conditions = SQLConditions()
        conditions.add("""
            (h.old_value IS NOT NULL OR NOT EXISTS (SELECT 1 FROM milestones c WHERE c.project_id = h.project_id \
            AND c.id = h.milestone_id AND c.created_at = h.at))
            """)
        if let projectID = filter.projectID { conditions.add("h.project_id = ?", projectID) }
        if let milestoneID = filter.milestoneID { conditions.add("h.milestone_id = ?", milestoneID) }
        if let since = filter.since { conditions.add("h.at >= ?", since.timeIntervalSince1970) }
        if let until = filter.until { conditions.add("h.at <= ?", until.timeIntervalSince1970) }
        if let person = filter.person {
            conditions.add(
                """
                (h.actor = ? OR (h.field = 'owner' AND (h.old_value = ? OR h.new_value = ?)) OR EXISTS (SELECT 1 \
                FROM milestones o WHERE o.project_id = h.project_id AND o.id = h.milestone_id AND o.owner = ?))
                """, person, person, person, person
            )
        }
        var arguments = conditions.arguments
        var sql = "SELECT h.* FROM milestone_history h" + conditions.whereClause
        if let limit = filter.limit {
            sql += " ORDER BY h.at DESC, h.seq DESC LIMIT ?"
            arguments += [limit]
        } else {
            sql += " ORDER BY h.at, h.seq"
        }
        return try Self.oldestFirst(Row.fetchAll(db, sql: sql, arguments: arguments), filter.limit)
            .map(Self.historyEntry(from:))
    }

    private func snoozeEvents(_ filter: LogFilter, _ db: Database) throws -> [LogEvent] {
        var conditions = SQLConditions()
        if let projectID = filter.projectID { conditions.add("project_id = ?", projectID) }
        if let milestoneID = filter.milestoneID {
            conditions.add("(milestone_id = ? OR milestone_id IS NULL)", milestoneID)
        }
        if let since = filter.since {
            let time = since.timeIntervalSince1970
            conditions.add("(created_at >= ? OR lifted_at >= ?)", time, time)
        }
        if let until = filter.until { conditions.add("created_at <= ?", until.timeIntervalSince1970) }
        if let person = filter.person { conditions.add("by = ?", person) }
        let sql = "SELECT * FROM snoozes" + conditions.whereClause + " ORDER BY id"
        var events: [LogEvent] = []
        for row in try Row.fetchAll(db, sql: sql, arguments: conditions.arguments) {
            let snooze = try Self.snooze(from: row)
            if filter.since.map({ snooze.createdAt >= $0 }) ?? true { events.append(.snoozed(snooze)) }
            if let liftedAt = Self.optionalDate(row, "lifted_at"), filter.since.map({ liftedAt >= $0 }) ?? true,
               filter.until.map({ liftedAt <= $0 }) ?? true {
                events.append(.unsnoozed(snooze, at: liftedAt, reason: row["lifted_reason"] ?? "unsnoozed"))
            }
        }
        return events
    }

    private func acknowledgementEvents(_ filter: LogFilter, _ db: Database) throws -> [LogEvent] {
        var conditions = SQLConditions()
        conditions.add("acked_at IS NOT NULL")
        if let projectID = filter.projectID { conditions.add("project_id = ?", projectID) }
        if let milestoneID = filter.milestoneID { conditions.add("milestone_id = ?", milestoneID) }
        if let since = filter.since { conditions.add("acked_at >= ?", since.timeIntervalSince1970) }
        if let until = filter.until { conditions.add("acked_at <= ?", until.timeIntervalSince1970) }
        if let person = filter.person { conditions.add("acked_by = ?", person) }
        let sql = "SELECT id, project_id, milestone_id, acked_by, acked_at, ack_note FROM escalations"
            + conditions.whereClause + " ORDER BY acked_at, id"
        return try Row.fetchAll(db, sql: sql, arguments: conditions.arguments)
            .map { .acknowledged(Self.acknowledgement(from: $0)) }
    }

    /// Oldest first; with a limit, only the most recent `limit`, newest first (``oldestFirst(_:_:)`` turns them).
    static func newest(_ limit: Int?, _ arguments: inout StatementArguments) -> String {
        guard let limit else { return " ORDER BY at, id" }
        arguments += [limit]
        return " ORDER BY at DESC, id DESC LIMIT ?"
    }

    /// The rows a ``newest(_:_:)`` query read, oldest first, so that events of the same time keep their order
    /// whether a limit was given or not.
    static func oldestFirst(_ rows: [Row], _ limit: Int?) -> [Row] {
        limit == nil ? rows : rows.reversed()
    }
}
