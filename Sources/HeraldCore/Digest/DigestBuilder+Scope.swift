import Foundation

extension DigestBuilder {
    /// The projects a digest covers and their live milestones, in reporting order.
    struct Scope {
        var projects: [ProjectRef]
        var subjects: [DigestSubject]
    }

    /// Applies `projects: all | [ids] | when: EXPR`: every configured project (by id), the listed ones in the
    /// order listed (unknown ids are skipped), or those with at least one live milestone for which the expression
    /// holds today. Within a project, milestones keep the order of `milestones` (file order).
    func scope(
        _ scope: DigestScope, milestones: [TrackedMilestone], today: CivilDate, calendar: BusinessCalendar
    ) -> Scope {
        var byProject: [String: [TrackedMilestone]] = [:]
        for tracked in milestones { byProject[tracked.milestone.projectID, default: []].append(tracked) }
        let facts = { (tracked: TrackedMilestone) in
            MilestoneFacts(
                milestone: tracked.milestone, updatedAt: tracked.updatedAt, today: today, calendar: calendar,
                history: tracked.history
            )
        }
        let projects: [Project]
        switch scope {
        case .all:
            projects = configuration.projects
        case .projects(let ids):
            let known = Dictionary(configuration.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            projects = ids.compactMap { known[$0] }
        case .when(let expression):
            projects = configuration.projects.filter { project in
                byProject[project.id, default: []].contains { expression.evaluate(facts($0)) }
            }
        }
        var subjects: [DigestSubject] = []
        for project in projects {
            let reference = ProjectRef(id: project.id, name: project.name)
            for tracked in byProject[project.id, default: []] {
                subjects.append(
                    DigestSubject(project: reference, tracked: tracked, facts: facts(tracked), order: subjects.count)
                )
            }
        }
        return Scope(projects: projects.map { ProjectRef(id: $0.id, name: $0.name) }, subjects: subjects)
    }
}
