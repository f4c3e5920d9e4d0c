import Foundation

extension DigestBuilder {
    /// The rule when no milestone trips any other.
    static let greenRule = "green: no milestone is overdue, slipping past its baseline, blocked or at risk"

    /// The overall status (the most severe finding across the scope), its rule, the trend against the previous
    /// report's status, and the one reason, naming the milestone that decided it.
    func headline(
        findings: [DigestFinding], subjects: [DigestSubject], tolerance: Int, previous: DigestReport?
    ) -> DigestHeadline {
        let (status, rule, reason) = verdict(findings: findings, subjects: subjects, tolerance: tolerance, named: true)
        let trend = previous.map { previous -> DigestTrend in
            let before = previous.headline.status
            return status > before ? .worsening : status < before ? .improving : .steady
        } ?? .first
        return DigestHeadline(status: status, rule: rule, trend: trend, reason: reason)
    }

    /// One project's status, set by its own most severe finding; the reason names the milestone by title only.
    func projectStatus(
        _ project: ProjectRef, findings: [DigestFinding], subjects: [DigestSubject], tolerance: Int
    ) -> DigestProjectStatus {
        let (status, _, reason) = verdict(
            findings: findings.filter { $0.subject.project.id == project.id },
            subjects: subjects.filter { $0.project.id == project.id }, tolerance: tolerance, named: false
        )
        return DigestProjectStatus(project: project, status: status, reason: reason)
    }

    /// Status, rule and reason from the finding that precedes all others; green, with the next open milestone
    /// due as the reason, when there is none.
    private func verdict(
        findings: [DigestFinding], subjects: [DigestSubject], tolerance: Int, named: Bool
    ) -> (RAGStatus, String, String) {
        let name = { (subject: DigestSubject) in named ? subject.titleAndProject : subject.milestone.title }
        if let worst = findings.min(by: { $0.precedes($1) }) {
            return (worst.status, worst.rule(tolerance: tolerance), "\(name(worst.subject)) \(worst.predicate)")
        }
        let next = subjects
            .filter { !$0.milestone.status.isClosed }
            .min { ($0.milestone.due, $0.order) < ($1.milestone.due, $1.order) }
        guard let next else { return (.green, Self.greenRule, "no open milestones") }
        return (
            .green, Self.greenRule,
            "every open milestone is on track; next: \(name(next)), due "
                + next.milestone.due.display(today: next.facts.today)
        )
    }
}
