import Foundation
import HeraldCore

/// One line of the communication log's timeline: a message delivery, a suppression, a change of a milestone, a snooze
/// starting or ending, an acknowledgement, or a chat command with Herald's answer.
public enum LogEvent: Hashable, Sendable {
    /// A message and one delivery of it.
    case message(LogEntry)
    /// A message a rule decided and a suppression stopped.
    case suppressed(Suppression)
    /// A field of a milestone changed (its history's line): what, from what to what, where from and by whom.
    case changed(HistoryEntry)
    /// A snooze was asked for.
    case snoozed(Snooze)
    /// A snooze ended early: `reason` is `unsnoozed`, `due changed` or `replaced by a new snooze`.
    case unsnoozed(Snooze, at: Date, reason: String)
    /// Someone acknowledged an escalation: who, when, with what note.
    case acknowledged(HeraldStore.AcknowledgementEvent)
    /// Someone typed a slash command in chat (`/herald done apollo/design`) and Herald answered: the exchange holds
    /// who (platform user id, and the person when known), where, the text, the answer and how it ended.
    case chat(ChatExchange)

    /// When it happened; a message held for quiet hours at its release, not at its decision.
    public var time: Date {
        switch self {
        case .message(let entry): entry.message.releasedAt
        case .suppressed(let suppression): suppression.at
        case .changed(let change): change.at
        case .snoozed(let snooze): snooze.createdAt
        case .unsnoozed(_, let at, _): at
        case .acknowledged(let event): event.acknowledgement.at
        case .chat(let exchange): exchange.at
        }
    }

    /// Identifies the event across reads (`herald log --follow` prints an event again only when its line changes).
    public var key: String {
        switch self {
        case .message(let entry):
            "message \(entry.message.id) \(entry.delivery.id)"
        case .suppressed(let s):
            "suppressed \(s.rule) \(s.projectID)/\(s.milestoneID) \(s.reasonCode) \(s.day)"
        case .changed(let c):
            "changed \(c.projectID)/\(c.milestoneID) \(c.change.field) \(c.at.timeIntervalSince1970)"
        case .snoozed(let snooze):
            "snoozed \(snooze.target) \(snooze.createdAt.timeIntervalSince1970)"
        case .unsnoozed(let snooze, _, _):
            "unsnoozed \(snooze.target) \(snooze.createdAt.timeIntervalSince1970)"
        case .acknowledged(let event):
            "ack \(event.escalationID)"
        case .chat(let exchange):
            "chat \(exchange.platform) \(exchange.userID) \(exchange.at.timeIntervalSince1970) \(exchange.text)"
        }
    }
}
