/// Names one milestone across projects; written `PROJECT/MILESTONE` (`apollo/design-signoff`).
public struct MilestoneKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var projectID: String
    public var milestoneID: String

    /// Creates a key.
    public init(projectID: String, milestoneID: String) {
        self.projectID = projectID
        self.milestoneID = milestoneID
    }

    /// The milestone a `depends_on` item of a milestone in project `projectID` names: `PROJECT/MILESTONE` in any
    /// project, a bare `MILESTONE` in the same one. The text before the first `/` is the project.
    public init(reference: String, from projectID: String) {
        if let slash = reference.firstIndex(of: "/") {
            self.init(
                projectID: String(reference[..<slash]),
                milestoneID: String(reference[reference.index(after: slash)...])
            )
        } else {
            self.init(projectID: projectID, milestoneID: reference)
        }
    }

    /// `PROJECT/MILESTONE`.
    public var description: String { "\(projectID)/\(milestoneID)" }

    /// By project, then milestone id.
    public static func < (lhs: MilestoneKey, rhs: MilestoneKey) -> Bool {
        (lhs.projectID, lhs.milestoneID) < (rhs.projectID, rhs.milestoneID)
    }
}

extension Milestone {
    /// This milestone's key.
    public var key: MilestoneKey { MilestoneKey(projectID: projectID, milestoneID: id) }
}
