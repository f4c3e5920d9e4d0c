import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Records a round of engine decisions in one transaction: upserts `ruleStates`, writes `escalations`,
    /// inserts each message with one `pending` delivery to its channel, due at `at` or, for a message held for
    /// quiet hours, at its `heldUntil` (`held` when the channel is disabled), and records the `suppressions` (once
    /// a day each). Either all of it is stored or none of it.
    ///
    /// A held message waits unreleased: the dispatcher does not take it until a release step has checked it. With
    /// `release`, every message waits so, and the release step runs in the same transaction over everything
    /// waiting (``release(at:_:)``); without it, the messages that are not held are released at once.
    ///
    /// - Throws: GRDB's `DatabaseError` (constraint) when a message id is already stored, or
    ///   `HeraldStoreError.escalationChanged` when an escalation was acknowledged meanwhile; nothing is written then.
    @discardableResult
    public func commit(
        ruleStates: [RuleState], messages: [OutgoingMessage], escalations: [EscalationUpdate] = [],
        suppressions: [Suppression] = [], at: Date, release: ReleaseStep? = nil
    ) throws -> ReleasePlan {
        // Encode outside the write transaction: it is the costly part and needs no lock.
        let encoded = try encode(messages)
        return try write { db in
            try write(escalations, db)
            try insert(ruleStates: ruleStates, messages: encoded, at: at, releasing: release == nil, db)
            try insert(suppressions: suppressions, db)
            guard let release else { return ReleasePlan() }
            return try self.release(at: at, release, db)
        }
    }

    /// Messages with their JSON columns, ready to insert.
    typealias EncodedMessage = (message: OutgoingMessage, content: String, recipients: String)

    func encode(_ messages: [OutgoingMessage]) throws -> [EncodedMessage] {
        try messages.map { (message: $0, content: try json($0), recipients: try json($0.recipients)) }
    }

    /// Upserts the rule states and inserts each message with one `pending` delivery (due when its hold ends),
    /// inside `db`'s transaction; the observer hears of the messages once it commits. A held message waits for the
    /// release step; the others are released at once when `releasing`.
    func insert(
        ruleStates: [RuleState], messages: [EncodedMessage], at: Date, releasing: Bool = true, _ db: Database
    ) throws {
        let now = at.timeIntervalSince1970
        for state in ruleStates {
            try upsert(ruleState: state, db)
        }
        let insertMessage = try db.cachedStatement(sql: """
            INSERT INTO messages (id, created_at, kind, rule, project_id, milestone_id, channel, recipients, text,
                content)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertDelivery = try db.cachedStatement(sql: Self.insertDeliverySQL)
        let unreleased = try db.cachedStatement(sql: "UPDATE deliveries SET released = 0 WHERE id = ?")
        let released = try db.cachedStatement(sql: "UPDATE deliveries SET released_at = ? WHERE id = ?")
        for (message, content, recipients) in messages {
            try insertMessage.execute(arguments: [
                message.id, message.createdAt.timeIntervalSince1970, message.kind.rawValue, message.rule,
                message.project?.id, message.milestones.first?.id, message.channel, recipients, message.text,
                content,
            ])
            let due = message.heldUntil?.timeIntervalSince1970 ?? now
            try insertDelivery.execute(arguments: [message.id, message.channel, due, now])
            if releasing && message.heldUntil == nil {
                try released.execute(arguments: [now, db.lastInsertedRowID])
            } else {
                try unreleased.execute(arguments: [db.lastInsertedRowID])
            }
        }
        if let observer, !messages.isEmpty {
            let committed = messages.map(\.message)
            db.afterNextTransaction { _ in observer.committed(messages: committed) }
        }
    }

    /// Inserts a new delivery with arguments (message id, channel, next attempt at, created at): `pending`, or
    /// `held` with the reason while the channel is disabled.
    static let insertDeliverySQL = """
        INSERT INTO deliveries (message_id, channel, state, attempts, next_attempt_at, created_at, last_error)
        SELECT ?1, ?2, CASE WHEN d.channel IS NULL THEN 'pending' ELSE 'held' END, 0, ?3, ?4, d.reason
        FROM (SELECT 1) LEFT JOIN channels_disabled d ON d.channel = ?2
        """

    /// The stored message with this id, exactly as committed.
    public func message(id: String) throws -> OutgoingMessage? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT content FROM messages WHERE id = ?", arguments: [id])
                .map(storedMessage)
        }
    }

    /// A message from its stored `content`: read by ``StoredMessageReader`` when it can, else by the decoder.
    func storedMessage(_ content: String) throws -> OutgoingMessage {
        var json = content
        return try StoredMessageReader.message(from: &json) ?? decode(OutgoingMessage.self, from: content)
    }
}
