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
