/// Why a message that a rule decided was not sent.
public enum SuppressionReason: Hashable, Sendable {
    /// The milestone or its project is snoozed.
    case snoozed(Snooze)
    /// The project is `on_hold`: it sends nothing but digests.
    case projectOnHold
    /// An escalation is open for the milestone: its plain reminders would only repeat it.
    case escalationOpen

    /// A stable name for storage and JSON: `snoozed`, `snoozed_until_due_change`, `project_on_hold`,
    /// `escalation_open`.
    public var code: String {
        switch self {
        case .snoozed(let snooze):
            if case .dueChange = snooze.end { return "snoozed_until_due_change" }
            return "snoozed"
        case .projectOnHold: return "project_on_hold"
        case .escalationOpen: return "escalation_open"
        }
    }

    /// In words: `snoozed until Mon 7 Dec (by bob: on leave)`, `project on hold`, `escalation open`.
    public var description: String {
        switch self {
        case .snoozed(let snooze):
            let scope = snooze.milestoneID == nil ? "project snoozed" : "snoozed"
            return "\(scope) \(snooze.summary)"
        case .projectOnHold: return "project on hold"
        case .escalationOpen: return "escalation open"
        }
    }
}
