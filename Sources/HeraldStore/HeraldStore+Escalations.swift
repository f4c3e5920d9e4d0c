import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// The escalations the engine still steps, by (rule, milestone): open ones, closed ones that still owe someone
    /// a `resolved` message (a notice still being sent), and acknowledged ones that have not re-armed.
    public func currentEscalations() throws -> [RuleStateKey: EscalationRecord] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM escalations INDEXED BY escalations_current
                WHERE state = 'open' OR resolution_sent = 0 OR (state = 'acknowledged' AND rearmed = 0)
                """)
            var records: [RuleStateKey: EscalationRecord] = [:]
            for row in rows {
                let record = try escalation(from: row, db)
                records[record.key] = record
            }
            return records
        }
    }

    /// Escalations newest first: all of them, or only those in `states`.
    public func escalations(states: Set<EscalationState>? = nil, limit: Int = 200) throws -> [EscalationRecord] {
        try writer.read { db in
            var sql = "SELECT * FROM escalations"
            var arguments: StatementArguments = []
            if let states {
                sql += " WHERE state IN (\(states.map { _ in "?" }.joined(separator: ", ")))"
                arguments += StatementArguments(states.map(\.rawValue).sorted())
            }
            sql += " ORDER BY opened_at DESC, id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try escalation(from: $0, db) }
        }
    }

    /// The escalation with this id.
    public func escalation(id: String) throws -> EscalationRecord? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM escalations WHERE id = ?", arguments: [id])
                .map { try escalation(from: $0, db) }
        }
    }

    /// What acknowledging did.
    public enum AcknowledgeOutcome: Hashable, Sendable {
        /// The open escalation is now acknowledged; the daemon announces it on its next evaluation.
        case acknowledged(EscalationRecord)
        /// It was already closed (acknowledged or resolved); nothing changed.
        case alreadyClosed(EscalationRecord)
    }

    /// Acknowledges the open escalation `id`: its ladder stops at once, its notices not yet sent are withdrawn, and
    /// everyone a notice reached (but the acknowledger) gets one `resolved` message from the next evaluation. A
    /// notice already tried (being sent, or retrying) is left to finish: if it arrives, its people are told too.
    ///
    /// - Throws: `HeraldStoreError.unknownEscalation` when no escalation has this id.
    public func acknowledge(
        escalationID id: String, by name: String, note: String?, at: Date
    ) throws -> AcknowledgeOutcome {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM escalations WHERE id = ?", arguments: [id]) else {
                throw HeraldStoreError.unknownEscalation(id)
            }
            let record = try escalation(from: row, db)
            var machine = EscalationMachine(record: record)
            guard case .withdrawUnsent(let reason) = machine.acknowledged(by: name, note: note, at: at) else {
                return .alreadyClosed(record)
            }
            try write([EscalationUpdate(record: machine.record, expectedState: .open, withdrawal: reason)], db)
            return .acknowledged(machine.record)
        }
    }

    /// Inserts new escalations and updates changed ones, inside the caller's transaction. An update whose row no
    /// longer has the expected state (acknowledged meanwhile) throws `escalationChanged`, rolling everything back.
    /// An update with a withdrawal (an escalation that just closed) withdraws its notices not yet sent with it:
    /// "withdrawn: acknowledged by Bob".
    func write(_ updates: [EscalationUpdate], _ db: Database) throws {
        guard !updates.isEmpty else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO escalations (id, rule, policy, project_id, milestone_id, due, opened_at, state,
                levels_notified, repeats, last_notified_at, acked_by, acked_at, ack_note, closed_at, close_reason,
                resolution_sent, rearmed, notices, paused_at, paused_for, repeat_paused_for, next_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE escalations SET state = ?, levels_notified = ?, repeats = ?, last_notified_at = ?, acked_by = ?,
                acked_at = ?, ack_note = ?, closed_at = ?, close_reason = ?, resolution_sent = ?, rearmed = ?,
                notices = ?, paused_at = ?, paused_for = ?, repeat_paused_for = ?, next_at = ?
            WHERE id = ? AND state = ?
            """)
        for change in updates {
            let r = change.record
            let values: [(any DatabaseValueConvertible)?] = [
                r.state.rawValue, r.levelsNotified, r.repeats, r.lastNotifiedAt?.timeIntervalSince1970,
                r.acknowledgement?.by, r.acknowledgement?.at.timeIntervalSince1970, r.acknowledgement?.note,
                r.closedAt?.timeIntervalSince1970, r.closeReason, r.resolutionSent, r.rearmed, try json(r.notices),
                r.pausedAt?.timeIntervalSince1970, r.pausedFor, r.repeatPausedFor, r.nextAt?.timeIntervalSince1970,
            ]
            if let expected = change.expectedState {
                try update.execute(arguments: StatementArguments(values + [r.id, expected.rawValue]))
                if db.changesCount == 0 { throw HeraldStoreError.escalationChanged(r.id) }
                if let reason = change.withdrawal {
                    try withdraw(messageIDs: r.notices.map(\.messageID), reason: reason, at: r.closedAt ?? r.openedAt,
                                 db)
                }
            } else {
                let identity: [(any DatabaseValueConvertible)?] = [
                    r.id, r.key.rule, r.policy, r.key.projectID, r.key.milestoneID, r.due.description,
                    r.openedAt.timeIntervalSince1970,
                ]
                try insert.execute(arguments: StatementArguments(identity + values))
            }
        }
    }

    /// An `escalations` row, each notice with the time its delivery reached the channel, if it did.
    private func escalation(from row: Row, _ db: Database) throws -> EscalationRecord {
        let stateText: String = row["state"]
        guard let state = EscalationState(rawValue: stateText) else {
            throw HeraldStoreError.corruptValue(column: "escalations.state", value: stateText)
        }
        let acknowledgement = (row["acked_by"] as String?).map { by in
            Acknowledgement(by: by, at: Self.date(row, "acked_at"), note: row["ack_note"])
        }
        return EscalationRecord(
            id: row["id"],
            key: RuleStateKey(rule: row["rule"], projectID: row["project_id"], milestoneID: row["milestone_id"]),
            policy: row["policy"], due: try Self.civilDate(row["due"], column: "escalations.due"),
            openedAt: Self.date(row, "opened_at"), state: state, levelsNotified: row["levels_notified"],
            repeats: row["repeats"], lastNotifiedAt: Self.optionalDate(row, "last_notified_at"),
            acknowledgement: acknowledgement, closedAt: Self.optionalDate(row, "closed_at"),
            closeReason: row["close_reason"], resolutionSent: row["resolution_sent"], rearmed: row["rearmed"],
            notices: try delivered(try decode([EscalationNotice].self, from: row["notices"]), db),
            pausedAt: Self.optionalDate(row, "paused_at"), pausedFor: row["paused_for"],
            repeatPausedFor: row["repeat_paused_for"], nextAt: Self.optionalDate(row, "next_at")
        )
    }

    /// `notices` with `deliveredAt` set from their deliveries, and `isPending` while one may still arrive.
    private func delivered(_ notices: [EscalationNotice], _ db: Database) throws -> [EscalationNotice] {
        guard !notices.isEmpty else { return notices }
        let rows = try Row.fetchAll(db, sql: """
            SELECT message_id, MIN(CASE WHEN state = 'delivered' THEN delivered_at END) AS at,
                MAX(state IN ('pending', 'retrying', 'held')) AS pending
            FROM deliveries
            WHERE message_id IN (\(notices.map { _ in "?" }.joined(separator: ", ")))
            GROUP BY message_id
            """, arguments: StatementArguments(notices.map(\.messageID)))
        let outcomes = Dictionary(uniqueKeysWithValues: rows.map { row -> (String, (Date?, Bool)) in
            (row["message_id"], ((row["at"] as Double?).map(Date.init(timeIntervalSince1970:)), row["pending"]))
        })
        return notices.map { notice in
            var notice = notice
            (notice.deliveredAt, notice.isPending) = outcomes[notice.messageID] ?? (nil, false)
            return notice
        }
    }
}
