import Foundation

/// A scheduled stakeholder digest (`digests:` in the config).
public struct DigestDefinition: Sendable {
    public var name: String
    /// As written: `mon 09:00`, `weekdays 08:30`, `1st mon of month 10:00` or a 5-field cron expression.
    public var schedule: String
    /// The zone the schedule is read in; nil for the config's.
    public var timeZone: TimeZone?
    public var to: [Recipient]
    /// How far ahead the "due in the window" section looks (`14d`); nil for the default, 14 days.
    public var window: Interval?
    /// Which projects it covers.
    public var scope: DigestScope
    /// Slip in business days beyond which a critical milestone turns its project red; nil for the default, 5.
    public var tolerance: Int?
    /// Send nothing when nothing changed since the previous digest (instead of one line saying so).
    public var skipWhenUnchanged: Bool

    /// Creates a digest definition.
    public init(
        name: String, schedule: String, timeZone: TimeZone? = nil, to: [Recipient], window: Interval? = nil,
        scope: DigestScope = .all, tolerance: Int? = nil, skipWhenUnchanged: Bool = false
    ) {
        self.name = name
        self.schedule = schedule
        self.timeZone = timeZone
        self.to = to
        self.window = window
        self.scope = scope
        self.tolerance = tolerance
        self.skipWhenUnchanged = skipWhenUnchanged
    }
}

/// The projects a digest covers (`projects: all | [ids] | when: EXPR`).
public enum DigestScope: Sendable {
    case all
    /// Project ids, in the order to report them.
    case projects([String])
    /// Projects with at least one milestone for which the expression holds.
    case when(RuleExpression)
}
