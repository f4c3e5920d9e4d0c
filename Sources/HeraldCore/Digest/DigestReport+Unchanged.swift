import Foundation

extension DigestReport {
    /// True when nothing changed since `previous`: nothing recorded in the period for the projects in scope, the
    /// same projects with the same statuses, the same milestones due soon and overdue (business days overdue may
    /// grow), and the same escalations at the same levels and acknowledgements.
    func isUnchanged(since previous: DigestReport, history: DigestHistory) -> Bool {
        history.isEmpty
            && headline.status == previous.headline.status
            && projects.map { [$0.project.id, $0.status.rawValue] }
                == previous.projects.map { [$0.project.id, $0.status.rawValue] }
            && dueSoon.map(\.key) == previous.dueSoon.map(\.key)
            && overdue.map(\.key) == previous.overdue.map(\.key)
            && escalations.map { [$0.id, "\($0.level)", $0.acknowledgedBy ?? ""] }
                == previous.escalations.map { [$0.id, "\($0.level)", $0.acknowledgedBy ?? ""] }
    }
}

extension DigestItem {
    /// The milestone a line is about.
    fileprivate var key: MilestoneKey {
        MilestoneKey(projectID: project.id, milestoneID: milestone.id)
    }
}
