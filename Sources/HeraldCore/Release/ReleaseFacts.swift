import Foundation
import Synchronization

/// What the release step knows at release time: the milestones as they stand, and the current escalations.
public struct ReleaseFacts: Sendable {
    /// Every tracked (not removed) milestone, by key.
    public var milestones: [MilestoneKey: TrackedMilestone]
    /// The current escalation of each (rule, milestone).
    public var escalations: [RuleStateKey: EscalationRecord]
    private let dependencies: LazyDependencies

    /// Creates the facts from the store's tracked milestones and current escalations.
    public init(milestones: [TrackedMilestone], escalations: [RuleStateKey: EscalationRecord]) {
        self.milestones = Dictionary(
            milestones.map { ($0.milestone.key, $0) }, uniquingKeysWith: { first, _ in first }
        )
        dependencies = LazyDependencies(milestones.map(\.milestone))
        self.escalations = escalations
    }

    /// What a slip delays, worked out over every tracked milestone the first time a rewrite asks (most releases
    /// rewrite nothing and never pay for it).
    var graph: DependencyGraph {
        dependencies.graph
    }
}

/// A dependency graph built once, on first use.
private final class LazyDependencies: Sendable {
    private let state: Mutex<(milestones: [Milestone], graph: DependencyGraph?)>

    init(_ milestones: [Milestone]) {
        state = Mutex((milestones, nil))
    }

    var graph: DependencyGraph {
        state.withLock { state in
            if let graph = state.graph { return graph }
            let graph = DependencyGraph(milestones: state.milestones)
            state = ([], graph)
            return graph
        }
    }
}
