import Foundation

/// One live milestone in a digest's scope, with the facts every section and status rule reads.
struct DigestSubject {
    var project: ProjectRef
    var tracked: TrackedMilestone
    var facts: MilestoneFacts
    /// Position in reporting order (projects in scope order, then file order): the last tie-break of every section.
    var order: Int

    var milestone: Milestone { tracked.milestone }

    var key: MilestoneKey { MilestoneKey(projectID: milestone.projectID, milestoneID: milestone.id) }

    /// The milestone as a digest names it.
    var reference: MilestoneRef {
        MilestoneRef(
            id: milestone.id, title: milestone.title, due: milestone.due, status: milestone.status,
            owner: milestone.owner
        )
    }

    /// `Design sign-off · Apollo ERP upgrade`.
    var titleAndProject: String { MessageText.subject(milestone.title, project.name) }
}
