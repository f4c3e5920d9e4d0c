import Foundation

/// What the release step knows at release time: the milestones as they stand, and the current escalations.
public struct ReleaseFacts: Sendable {
    /// Every tracked (not removed) milestone, by key.
    public var milestones: [MilestoneKey: TrackedMilestone]
    /// What a slip delays, worked out over every tracked milestone.
    let graph: DependencyGraph
    /// The current escalation of each (rule, milestone).
    public var escalations: [RuleStateKey: EscalationRecord]

    /// Creates the facts from the store's tracked milestones and current escalations.
    public init(milestones: [TrackedMilestone], escalations: [RuleStateKey: EscalationRecord]) {
        self.milestones = Dictionary(
            milestones.map { ($0.milestone.key, $0) }, uniquingKeysWith: { first, _ in first }
        )
        graph = DependencyGraph(milestones: milestones.map(\.milestone))
        self.escalations = escalations
    }
}
