import Foundation
import HeraldCore

/// Renders the communication log: chat-style lines for people, safe for a terminal (see ``TerminalText``), and JSON
/// for scripts. People are shown by their names (`names`: person key to name; a key not in it is shown as it is),
/// never by the mention strings of a channel (`<@U01HANNAH>`).
public enum LogReport {
    /// One line per event: a message delivery, a suppression, a snooze starting or ending, a chat command.
    public static func line(_ event: LogEvent, names: [String: String] = [:], in zone: TimeZone) -> String {
        switch event {
        case .message(let entry):
            return line(entry, names: names, in: zone)
        case .suppressed(let suppression):
            return line(suppression, names: names, in: zone)
        case .changed(let change):
            return line(change, names: names, in: zone)
        case .snoozed(var snooze):
            let scope = snooze.milestoneID == nil ? " (whole project)" : ""
            let at = ConsoleLine.localTime(snooze.createdAt, in: zone)
            snooze.by = snooze.by.map { name($0, names) }
            return TerminalText.safe("\(at) snoozed \(snooze.target)\(scope) " + snooze.summary)
        case .unsnoozed(let snooze, let at, let reason):
            return TerminalText.safe("\(ConsoleLine.localTime(at, in: zone)) unsnoozed \(snooze.target): \(reason)")
        case .acknowledged(let event):
            let ack = event.acknowledgement
            let note = ack.note.map { ": \($0)" } ?? ""
            return TerminalText.safe(
                "\(ConsoleLine.localTime(ack.at, in: zone)) acknowledged \(event.projectID)/\(event.milestoneID) "
                    + "by \(name(ack.by, names))\(note)"
            )
        case .chat(let exchange):
            return line(exchange, names: names, in: zone)
        }
    }

    /// The person's name, or `key` itself when `names` has none.
    static func name(_ key: String, _ names: [String: String]) -> String {
        names[key] ?? key
    }

    /// `2026-12-04 09:00 slack U024BE7LH (alice) in #apollo: done apollo/design → Marked apollo/design done. ·
    /// applied`; the lines of a longer answer are joined with ` · `.
    public static func line(_ exchange: ChatExchange, names: [String: String] = [:], in zone: TimeZone) -> String {
        let who = exchange.userID + (exchange.person.map { " (\(name($0, names)))" } ?? " (unknown user)")
        let place = exchange.channel.map { " in #\($0)" } ?? ""
        let answer = exchange.answer.split(separator: "\n").joined(separator: " · ")
        return TerminalText.safe(
            "\(ConsoleLine.localTime(exchange.at, in: zone)) \(exchange.platform) \(who)\(place): "
                + "\(exchange.text) → \(answer) · \(exchange.outcome.rawValue)"
        )
    }

    /// `2026-12-04 09:00 changed apollo/design · due: Thu 3 Dec → Fri 11 Dec (API, by Mike Lee)`: a milestone's
    /// change as its history says it, statuses in words and people by their names.
    public static func line(_ change: HistoryEntry, names: [String: String] = [:], in zone: TimeZone) -> String {
        let entry = HistoryReport.Entry(change)
        let origin = HistoryReport.origin(entry, names: names)
        return TerminalText.safe(
            "\(ConsoleLine.localTime(change.at, in: zone)) changed \(change.projectID)/\(change.milestoneID) · "
                + HistoryReport.described(entry, names: names, zone: zone) + (origin.isEmpty ? "" : " (\(origin))")
        )
    }

    /// `2026-12-01 09:00 suppressed reminder due-soon → alice on #eng · apollo/design: snoozed until Mon 7 Dec (by
    /// bob: on leave)`.
    public static func line(_ suppression: Suppression, names: [String: String] = [:], in zone: TimeZone) -> String {
        let who = suppression.recipients.isEmpty
            ? "nobody" : suppression.recipients.map { name($0, names) }.joined(separator: ", ")
        let channels = suppression.channels.isEmpty
            ? "" : " on " + suppression.channels.map { "#\($0)" }.joined(separator: ", ")
        return TerminalText.safe(
            "\(ConsoleLine.localTime(suppression.at, in: zone)) suppressed \(suppression.kind.rawValue) "
                + "\(suppression.rule) → \(who)\(channels) · \(suppression.projectID)/\(suppression.milestoneID): "
                + suppression.reason
        )
    }

    /// `2026-11-30 09:00 #eng → Alice Ng · reminder due-soon · Design sign-off … · delivered in 12 ms`.
    ///
    /// A message held for quiet hours is shown at its release, and says `held until 2026-11-30 09:00 (why), decided
    /// 2026-11-29 18:36` while it waits, and its delivery state followed by the same words once it has gone. A
    /// replay says so after its state: `· replay of #41 by bob at 2026-12-01 10:15`.
    public static func line(_ entry: LogEntry, names: [String: String] = [:], in zone: TimeZone) -> String {
        let who = entry.message.recipients.map { name($0, names) }
        return ConsoleLine.line(for: entry.message, to: who, in: zone, at: entry.message.releasedAt) + " · "
            + TerminalText.safe(state(entry, in: zone))
    }

    /// The entry's delivery state in words, with its quiet-hours hold: `held until 2026-11-30 09:00 (why), decided
    /// 2026-11-29 18:36` while it waits, the delivery state followed by the same words once it has gone.
    public static func state(_ entry: LogEntry, in zone: TimeZone) -> String {
        let state = state(entry.delivery, in: zone) + replay(entry.delivery, in: zone)
        guard let until = entry.message.heldUntil else { return state }
        let reason = entry.message.holdReason ?? "quiet hours"
        let hold = "held until \(ConsoleLine.localTime(until, in: zone)) (\(reason)), "
            + "decided \(ConsoleLine.localTime(entry.message.createdAt, in: zone))"
        return isWaitingForHold(entry) ? hold : state + " · " + hold
    }

    /// Whether the entry is still pending until the end of the hold its message was given.
    public static func isWaitingForHold(_ entry: LogEntry) -> Bool {
        guard let until = entry.message.heldUntil else { return false }
        return entry.delivery.state == .pending && entry.delivery.nextAttemptAt >= until
    }

    /// ` · replay of #41 by bob at 2026-12-01 10:15` for a delivery that replays another; empty for any other.
    public static func replay(_ delivery: DeliveryRecord, in zone: TimeZone) -> String {
        guard let original = delivery.replayOf else { return "" }
        let by = delivery.replayedBy.map { " by \($0)" } ?? ""
        return " · replay of #\(original)\(by) at \(ConsoleLine.localTime(delivery.createdAt, in: zone))"
    }

    /// The delivery state in words: delivered with latency (and, for one a bundle carried, where it went:
    /// `delivered in 12 ms, sent in msg_… with 2 others`), pending (until when, if later than its creation),
    /// retrying n, dead with reason.
    public static func state(_ delivery: DeliveryRecord, in zone: TimeZone) -> String {
        switch delivery.state {
        case .delivered:
            let latency = delivery.latencyMilliseconds.map { " in \(Int($0.rounded())) ms" } ?? ""
            let tries = delivery.attempts > 1 ? " after \(delivery.attempts) attempts" : ""
            let carried = delivery.carriedBy != nil ? delivery.lastError.map { ", \($0)" } ?? "" : ""
            return "delivered\(latency)\(tries)\(carried)"
        case .pending:
            guard delivery.nextAttemptAt > delivery.createdAt else { return "pending" }
            return "pending until \(ConsoleLine.localTime(delivery.nextAttemptAt, in: zone))"
        case .retrying:
            let next = ConsoleLine.localTime(delivery.nextAttemptAt, in: zone)
            return "retrying \(delivery.attempts) (\(delivery.lastError ?? "failed")), next at \(next)"
        case .dead:
            return "dead: \(delivery.lastError ?? "no reason recorded")"
        case .held:
            return "held (channel disabled: \(delivery.lastError ?? "no reason recorded"))"
        case .cancelled:
            return "cancelled: \(delivery.lastError ?? "no reason recorded")"
        }
    }

    /// One JSON object per event, as an array; `event` tells `message`, `suppressed`, `change`, `snoozed`,
    /// `unsnoozed`, `ack` and `chat` apart; a message's and a suppression's `recipient_names` are its `recipients` by
    /// name, in order. A message's `time` is its release (the end of its hold), `decided_at` its decision.
    public static func json(_ events: [LogEvent], names: [String: String] = [:]) -> String {
        JSONOutput.pretty(events.map { Item($0, names: names) })
    }

    /// One page of `GET /api/v1/log`: `{"entries": [...], "next_cursor": …}`, the entries as ``json(_:)`` writes
    /// them and the cursor of the page before (null on the oldest page).
    public static func json(page events: [LogEvent], nextCursor: String?, names: [String: String] = [:]) -> String {
        JSONOutput.pretty(Page(entries: events.map { Item($0, names: names) }, nextCursor: nextCursor))
    }

    private struct Page: Encodable {
        var entries: [Item]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case entries, nextCursor = "next_cursor"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entries, forKey: .entries)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }

    private enum Item: Encodable {
        case message(MessageItem)
        case suppressed(SuppressedItem)
        case change(ChangeItem)
        case snooze(SnoozeItem)
        case ack(AckItem)
        case chat(ChatItem)

        init(_ event: LogEvent, names: [String: String]) {
            switch event {
            case .message(let entry):
                self = .message(MessageItem(
                    id: entry.message.id, time: ISO8601.string(entry.message.releasedAt),
                    decidedAt: ISO8601.string(entry.message.createdAt),
                    channel: entry.message.channel, recipients: entry.message.recipients,
                    recipientNames: entry.message.recipients.map { name($0, names) },
                    kind: entry.message.kind.rawValue, rule: entry.message.rule, project: entry.message.project?.id,
                    milestones: entry.message.milestones.map(\.id), text: entry.message.text,
                    delivery: entry.delivery.id, state: entry.delivery.state.rawValue,
                    attempts: entry.delivery.attempts,
                    latencyMs: entry.delivery.latencyMilliseconds,
                    deliveredAt: entry.delivery.deliveredAt.map(ISO8601.string), error: entry.delivery.lastError,
                    heldUntil: entry.message.heldUntil.map(ISO8601.string), holdReason: entry.message.holdReason,
                    replayOf: entry.delivery.replayOf, replayedBy: entry.delivery.replayedBy,
                    replayedAt: entry.delivery.replayOf.map { _ in ISO8601.string(entry.delivery.createdAt) }
                ))
            case .suppressed(let suppression):
                self = .suppressed(SuppressedItem(
                    time: ISO8601.string(suppression.at), kind: suppression.kind.rawValue, rule: suppression.rule,
                    project: suppression.projectID, milestones: [suppression.milestoneID],
                    recipients: suppression.recipients,
                    recipientNames: suppression.recipients.map { name($0, names) }, channels: suppression.channels,
                    reasonCode: suppression.reasonCode, reason: suppression.reason
                ))
            case .changed(let change):
                self = .change(ChangeItem(
                    time: ISO8601.string(change.at), project: change.projectID, milestones: [change.milestoneID],
                    field: change.change.field, from: change.change.oldValue, to: change.change.newValue,
                    source: change.source, actor: change.actor, actorName: change.actor.map { name($0, names) }
                ))
            case .snoozed(let snooze):
                self = .snooze(SnoozeItem(event: "snoozed", time: ISO8601.string(snooze.createdAt), snooze: snooze))
            case .unsnoozed(let snooze, let at, let reason):
                var item = SnoozeItem(event: "unsnoozed", time: ISO8601.string(at), snooze: snooze)
                item.reason = reason
                self = .snooze(item)
            case .acknowledged(let event):
                self = .ack(AckItem(
                    time: ISO8601.string(event.acknowledgement.at), project: event.projectID,
                    milestones: [event.milestoneID], escalation: event.escalationID, by: event.acknowledgement.by,
                    byName: name(event.acknowledgement.by, names), note: event.acknowledgement.note
                ))
            case .chat(let exchange):
                self = .chat(ChatItem(
                    time: ISO8601.string(exchange.at), platform: exchange.platform, userID: exchange.userID,
                    person: exchange.person, chatChannel: exchange.channel, project: exchange.projectID,
                    milestones: exchange.milestoneID.map { [$0] } ?? [], text: exchange.text, answer: exchange.answer,
                    outcome: exchange.outcome.rawValue
                ))
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .message(let item): try item.encode(to: encoder)
            case .suppressed(let item): try item.encode(to: encoder)
            case .change(let item): try item.encode(to: encoder)
            case .snooze(let item): try item.encode(to: encoder)
            case .ack(let item): try item.encode(to: encoder)
            case .chat(let item): try item.encode(to: encoder)
            }
        }
    }

    private struct SuppressedItem: Encodable {
        var event = "suppressed"
        var time: String
        var kind: String
        var rule: String
        var project: String
        var milestones: [String]
        var recipients: [String]
        var recipientNames: [String]
        var channels: [String]
        var reasonCode: String
        var reason: String

        enum CodingKeys: String, CodingKey {
            case event, time, kind, rule, project, milestones, recipients, channels, reason
            case reasonCode = "reason_code", recipientNames = "recipient_names"
        }
    }

    private struct ChangeItem: Encodable {
        var event = "change"
        var time: String
        var project: String
        var milestones: [String]
        var field: String
        var from: String?
        var to: String?
        var source: String
        var actor: String?
        var actorName: String?

        enum CodingKeys: String, CodingKey {
            case event, time, project, milestones, field, from, to, source, actor
            case actorName = "actor_name"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(event, forKey: .event)
            try container.encode(time, forKey: .time)
            try container.encode(project, forKey: .project)
            try container.encode(milestones, forKey: .milestones)
            try container.encode(field, forKey: .field)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(source, forKey: .source)
            try container.encode(actor, forKey: .actor)
            try container.encode(actorName, forKey: .actorName)
        }
    }

    private struct SnoozeItem: Encodable {
        var event: String
        var time: String
        var project: String
        var milestones: [String]
        var until: String?
        var untilDueChangeFrom: String?
        var by: String?
        var note: String?
        var reason: String?

        init(event: String, time: String, snooze: Snooze) {
            self.event = event
            self.time = time
            project = snooze.projectID
            milestones = snooze.milestoneID.map { [$0] } ?? []
            switch snooze.end {
            case .date(let date, _): until = date.description
            case .dueChange(let due): untilDueChangeFrom = due.description
            }
            by = snooze.by
            note = snooze.note
        }

        enum CodingKeys: String, CodingKey {
            case event, time, project, milestones, until, by, note, reason
            case untilDueChangeFrom = "until_due_change_from"
        }
    }

    private struct AckItem: Encodable {
        var event = "ack"
        var time: String
        var project: String
        var milestones: [String]
        var escalation: String
        var by: String
        var byName: String
        var note: String?

        enum CodingKeys: String, CodingKey {
            case event, time, project, milestones, escalation, by, note
            case byName = "by_name"
        }
    }

    private struct ChatItem: Encodable {
        var event = "chat"
        var time: String
        var platform: String
        var userID: String
        var person: String?
        var chatChannel: String?
        var project: String?
        var milestones: [String]
        var text: String
        var answer: String
        var outcome: String

        enum CodingKeys: String, CodingKey {
            case event, time, platform, person, project, milestones, text, answer, outcome
            case userID = "user_id", chatChannel = "chat_channel"
        }
    }

    private struct MessageItem: Encodable {
        var event = "message"
        var id: String
        var time: String
        var decidedAt: String
        var channel: String
        var recipients: [String]
        var recipientNames: [String]
        var kind: String
        var rule: String?
        var project: String?
        var milestones: [String]
        var text: String
        var delivery: Int64
        var state: String
        var attempts: Int
        var latencyMs: Double?
        var deliveredAt: String?
        var error: String?
        var heldUntil: String?
        var holdReason: String?
        var replayOf: Int64?
        var replayedBy: String?
        var replayedAt: String?

        enum CodingKeys: String, CodingKey {
            case event, id, time, channel, recipients, kind, rule, project, milestones, text, delivery, state, attempts
            case recipientNames = "recipient_names", latencyMs = "latency_ms", deliveredAt = "delivered_at", error
            case decidedAt = "decided_at"
            case heldUntil = "held_until", holdReason = "hold_reason"
            case replayOf = "replay_of", replayedBy = "replayed_by", replayedAt = "replayed_at"
        }
    }
}
