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
        /// The local time (minutes after midnight, `at: 10:00`) at which an `after` in days or business days
        /// falls; nil for the start of the calendar's hours.
        public var at: Int?
        public var notify: [Recipient]

        /// Creates a level.
        public init(after: Interval?, at: Int? = nil, notify: [Recipient]) {
            self.after = after
            self.at = at
            self.notify = notify
        }
    }
}
