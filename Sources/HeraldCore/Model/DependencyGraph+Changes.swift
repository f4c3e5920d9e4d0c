extension DependencyGraph {
    /// The graph of `milestones` (every project's, as stored before `changes`) once `changes` are applied: a changed
    /// milestone takes its new value, a created one goes last, a removed one leaves.
    public init(milestones: [Milestone], applying changes: [MilestoneChange]) {
        var changed: [MilestoneKey: Milestone?] = [:]
        for change in changes {
            changed.updateValue(
                change.current, forKey: MilestoneKey(projectID: change.projectID, milestoneID: change.milestoneID)
            )
        }
        var kept: [Milestone] = []
        for milestone in milestones {
            switch changed.removeValue(forKey: milestone.key) {
            case .none: kept.append(milestone)
            case .some(let current): kept += current.map { [$0] } ?? []
            }
        }
        kept += changes.compactMap(\.current).filter { changed[$0.key] != nil }
        self.init(milestones: kept)
    }
}
