/// Names one milestone across projects.
public struct MilestoneKey: Hashable, Sendable {
    public var projectID: String
    public var milestoneID: String

    /// Creates a key.
    public init(projectID: String, milestoneID: String) {
        self.projectID = projectID
        self.milestoneID = milestoneID
    }
}
