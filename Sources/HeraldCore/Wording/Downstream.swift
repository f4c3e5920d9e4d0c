/// What a slip of one milestone would delay: the open milestones it blocks, directly or through others and across
/// projects, by due date, each named `Title · Project`; and whether it lies on a project's critical path.
public struct Downstream: Hashable, Sendable {
    /// The blocked milestones' names, soonest due first.
    public var blocked: [String]
    /// True when the milestone is on a critical path.
    public var isCritical: Bool

    /// Nothing downstream, off the critical path.
    public static let none = Downstream(blocked: [], isCritical: false)

    /// Creates a value from names already worked out.
    public init(blocked: [String], isCritical: Bool) {
        self.blocked = blocked
        self.isCritical = isCritical
    }

    /// What `key` blocks in `graph` (done and cancelled milestones left out), each named with its project's name
    /// from `projectName` (given a project id).
    public init(of key: MilestoneKey, in graph: DependencyGraph, projectName: (String) -> String) {
        blocked = graph.blocks(key).compactMap { graph.milestone($0) }.filter { !$0.status.isClosed }.map {
            MessageText.subject($0.title, projectName($0.projectID))
        }
        isCritical = graph.isOnCriticalPath(key)
    }
}

extension MessageText {
    /// How many blocked milestones a message names before `and N more`.
    static let blockedShown = 3

    /// `Design sign-off · Apollo ERP upgrade`: a milestone named with its project, without nesting parentheses
    /// a title may have.
    public static func subject(_ title: String, _ projectName: String) -> String {
        "\(title) · \(projectName)"
    }

    /// ` Needed: Solution design document, Test plan. It is on the critical path; a slip delays Go-live · Apollo
    /// ERP upgrade and 2 more.` or the parts of it that apply; empty when none does. The critical path is named only
    /// with what a slip delays: a milestone that blocks nothing is only its project's last one.
    static func impact(deliverables: [String], downstream: Downstream) -> String {
        let text = deliverables.isEmpty ? "" : " Needed: \(deliverables.joined(separator: ", "))."
        guard !downstream.blocked.isEmpty else { return text }
        let critical = downstream.isCritical ? "It is on the critical path; a slip" : "A slip"
        return text + " \(critical) delays \(listed(downstream.blocked))."
    }

    /// `Go-live · Apollo ERP upgrade, Cut-over · Data centre move, Retire · Data centre move and 2 more`: the first
    /// ``blockedShown`` of `blocked`, then how many more.
    static func listed(_ blocked: [String]) -> String {
        let shown = blocked.prefix(blockedShown).joined(separator: ", ")
        return blocked.count > blockedShown ? "\(shown) and \(blocked.count - blockedShown) more" : shown
    }
}
