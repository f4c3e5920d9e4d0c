import Foundation

/// Decides whether a message about a milestone is suppressed, and why. The engine asks before every reminder and
/// announcement; escalations ask before opening or advancing a level.
///
/// - An on-hold project sends nothing but digests (and channel tests).
/// - A snooze silences reminders and escalations, not news: announcements and resolved notices still go out.
/// - An open escalation silences the milestone's plain reminders.
public enum SuppressionPolicy {
    /// The reason a message of `kind` about `milestone` is not to be sent at `now`, or nil to send it.
    public static func reason(
        for kind: MessageKind, milestone: Milestone, project: Project?, suppressions: Suppressions, now: Date
    ) -> SuppressionReason? {
        if kind == .digest || kind == .test { return nil }
        if project?.status == .onHold { return .projectOnHold }
        guard kind == .reminder || kind == .escalation else { return nil }
        let snoozes = suppressions.snoozes[milestone.projectID] ?? []
        // A milestone's own snooze says more than its project's.
        if let snooze = snoozes.first(where: { $0.milestoneID != nil && $0.covers(milestone, at: now) })
            ?? snoozes.first(where: { $0.covers(milestone, at: now) }) {
            return .snoozed(snooze)
        }
        let key = MilestoneKey(projectID: milestone.projectID, milestoneID: milestone.id)
        if kind == .reminder, suppressions.escalatedMilestones.contains(key) { return .escalationOpen }
        return nil
    }
}
