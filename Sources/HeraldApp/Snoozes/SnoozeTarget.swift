/// What `herald snooze`/`unsnooze` names: `PROJECT` or `PROJECT/MILESTONE`.
public struct SnoozeTarget: Hashable, Sendable, CustomStringConvertible {
    public var projectID: String
    /// Nil names the whole project.
    public var milestoneID: String?

    /// Names a whole project (`milestoneID` nil) or one of its milestones.
    public init(projectID: String, milestoneID: String?) {
        self.projectID = projectID
        self.milestoneID = milestoneID
    }

    /// Parses `apollo` or `apollo/design-signoff`; nil when a part is empty or there are more than two.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        projectID = parts[0]
        milestoneID = parts.count == 2 ? parts[1] : nil
    }

    /// `apollo/design-signoff` or `apollo`.
    public var description: String {
        milestoneID.map { "\(projectID)/\($0)" } ?? projectID
    }
}
