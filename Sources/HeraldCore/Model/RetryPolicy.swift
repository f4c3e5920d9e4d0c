/// When to try a failed delivery again, and when to give up.
public struct RetryPolicy: Hashable, Sendable {
    /// Delays before each retry, in seconds; the first attempt is immediate.
    public var schedule: [Double]
    /// Fraction of random spread applied to each delay (0.2 is ±20%).
    public var jitter: Double
    /// Give up once the message is this old, in seconds, even if the schedule has steps left.
    public var maxAge: Double

    /// Creates a policy.
    public init(schedule: [Double], jitter: Double = 0.2, maxAge: Double = 72 * 3600) {
        self.schedule = schedule
        self.jitter = jitter
        self.maxAge = maxAge
    }

    /// The Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, ±20%.
    public static let standard = RetryPolicy(
        schedule: [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400],
        jitter: 0.2,
        maxAge: 100 * 3600
    )

    /// The delay before retry number `retry` (1 for the first retry), or nil when the schedule is spent.
    /// `unit` is a random number in [0, 1) so the jitter can be tested.
    public func delay(beforeRetry retry: Int, unit: Double) -> Double? {
        guard retry >= 1, retry <= schedule.count else { return nil }
        let base = schedule[retry - 1]
        return base * (1 + jitter * (2 * unit - 1))
    }
}
