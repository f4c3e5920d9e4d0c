import HeraldCore

/// Where an event of the communication log stands, as the log's `state` filter names it.
public enum LogState: String, CaseIterable, Hashable, Sendable {
    case delivered, pending, retrying, dead, cancelled
    /// Waiting: its channel is disabled, or quiet hours hold it until a time.
    case held
    /// A rule decided it and a suppression (snooze, inhibition, on hold) stopped it.
    case suppressed

    /// The state of `event`; nil for events that are neither messages nor suppressions (changes, snoozes,
    /// acknowledgements, chat commands).
    public init?(_ event: LogEvent) {
        switch event {
        case .message(let entry):
            if LogReport.isWaitingForHold(entry) {
                self = .held
                return
            }
            switch entry.delivery.state {
            case .delivered: self = .delivered
            case .pending: self = .pending
            case .retrying: self = .retrying
            case .dead: self = .dead
            case .cancelled: self = .cancelled
            case .held: self = .held
            }
        case .suppressed:
            self = .suppressed
        case .changed, .snoozed, .unsnoozed, .acknowledged, .chat:
            return nil
        }
    }

    /// The SQL condition on a message `m` and its delivery `d` that matches this state (the same test as
    /// `init(_:)`); nil for `suppressed`, which no message is.
    var messageCondition: String? {
        let waitingForHold = "coalesce(d.next_attempt_at >= json_extract(m.content, '$.heldUntil'), 0)"
        switch self {
        case .suppressed: return nil
        case .held: return "(d.state = 'held' OR (d.state = 'pending' AND \(waitingForHold)))"
        case .pending: return "d.state = 'pending' AND NOT \(waitingForHold)"
        case .delivered, .retrying, .dead, .cancelled: return "d.state = '\(rawValue)'"
        }
    }
}
