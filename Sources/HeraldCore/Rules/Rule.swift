/// A rule from the config: when its condition holds for a milestone, notify or escalate.
public struct Rule: Sendable {
    public var name: String
    public var trigger: Trigger
    /// The compiled `when` expression.
    public var condition: RuleExpression
    public var action: Action
    public var repeatPolicy: RepeatPolicy
    /// The local time (minutes after midnight, `at: 09:00`) at which repeats in days or business days fall, in
    /// each recipient's zone; nil for the start of the calendar's hours.
    public var repeatAt: Int?
    /// Sent even inside quiet hours.
    public var urgent: Bool

    /// Creates a rule.
    public init(
        name: String, trigger: Trigger = .schedule, condition: RuleExpression, action: Action,
        repeatPolicy: RepeatPolicy = .once, repeatAt: Int? = nil, urgent: Bool = false
    ) {
        self.name = name
        self.trigger = trigger
        self.condition = condition
        self.action = action
        self.repeatPolicy = repeatPolicy
        self.repeatAt = repeatAt
        self.urgent = urgent
    }

    /// What makes the engine look at the rule.
    public enum Trigger: Hashable, Sendable {
        /// Evaluated on every tick over every open milestone.
        case schedule
        /// Evaluated when a milestone changes in this way (`on:`).
        case change(ChangeKind)
    }

    /// What the rule does when it holds.
    public enum Action: Hashable, Sendable {
        case notify([Recipient])
        /// Opens the named escalation policy.
        case escalate(String)
    }
}

/// The kinds of milestone change a rule can listen to (`on:`).
public enum ChangeKind: String, CaseIterable, Hashable, Sendable {
    case created
    case statusChanged = "status_changed"
    case dueChanged = "due_changed"
    case ownerChanged = "owner_changed"
}

/// How often a holding rule sends again.
public enum RepeatPolicy: Hashable, Sendable {
    /// Once per milestone and due date; a moved due date re-arms it.
    case once
    /// Again after the interval while the rule still holds.
    case every(Interval)
}
