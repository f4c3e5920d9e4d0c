/// An escalation policy: levels that climb while nobody acknowledges.
public struct EscalationPolicy: Hashable, Sendable {
    public var name: String
    public var levels: [Level]
    /// Re-notify the last level this often while unacknowledged.
    public var repeatLastEvery: Interval?
    /// How many times the last level repeats; nil for no limit.
    public var maxRepeats: Int?

    /// Creates a policy.
    public init(name: String, levels: [Level], repeatLastEvery: Interval? = nil, maxRepeats: Int? = nil) {
        self.name = name
        self.levels = levels
        self.repeatLastEvery = repeatLastEvery
        self.maxRepeats = maxRepeats
    }

    /// One rung of the ladder.
    public struct Level: Hashable, Sendable {
        /// Time since the escalation opened before this level is notified; nil for at once.
        public var after: Interval?
        public var notify: [Recipient]

        /// Creates a level.
        public init(after: Interval?, notify: [Recipient]) {
            self.after = after
            self.notify = notify
        }
    }
}

/// A scheduled stakeholder digest.
public struct DigestDefinition: Hashable, Sendable {
    public var name: String
    /// `mon 09:00`, `weekdays 08:30` or a cron expression.
    public var schedule: String
    public var to: [Recipient]
    public var window: Interval?

    /// Creates a digest definition.
    public init(name: String, schedule: String, to: [Recipient], window: Interval?) {
        self.name = name
        self.schedule = schedule
        self.to = to
        self.window = window
    }
}
