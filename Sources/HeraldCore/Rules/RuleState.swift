import Foundation

/// Identifies what a rule has already done for one milestone.
public struct RuleStateKey: Hashable, Sendable {
    public var rule: String
    public var projectID: String
    public var milestoneID: String

    /// Creates a key.
    public init(rule: String, projectID: String, milestoneID: String) {
        self.rule = rule
        self.projectID = projectID
        self.milestoneID = milestoneID
    }
}

/// What a rule last did for a milestone: the dedup and repeat memory of the engine.
public struct RuleState: Hashable, Sendable {
    public var key: RuleStateKey
    /// The due date the milestone had when the rule last fired; a different due date re-arms the rule.
    public var due: CivilDate
    public var lastFiredAt: Date
    /// When a repeating rule may fire again; nil for `repeat: once`.
    public var nextEligibleAt: Date?
    /// How many times it has fired for this due date.
    public var fireCount: Int

    /// Creates a rule state.
    public init(key: RuleStateKey, due: CivilDate, lastFiredAt: Date, nextEligibleAt: Date?, fireCount: Int) {
        self.key = key
        self.due = due
        self.lastFiredAt = lastFiredAt
        self.nextEligibleAt = nextEligibleAt
        self.fireCount = fireCount
    }
}
