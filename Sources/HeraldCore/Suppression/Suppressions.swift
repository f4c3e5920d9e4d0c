/// What silences messages at one evaluation: the active snoozes and the milestones with an open escalation.
public struct Suppressions: Sendable {
    /// Active snoozes by project id.
    public let snoozes: [String: [Snooze]]
    /// Milestones with an open (unacknowledged) escalation.
    public var escalatedMilestones: Set<MilestoneKey>

    /// Creates the input; by default nothing is suppressed (an on-hold project still is).
    public init(snoozes: [Snooze] = [], escalatedMilestones: Set<MilestoneKey> = []) {
        self.snoozes = Dictionary(grouping: snoozes, by: \.projectID)
        self.escalatedMilestones = escalatedMilestones
    }
}
