import Foundation
import HeraldCore

/// The `status` command's answers, read from the store at one instant: a line per project, or one project's
/// milestones and open escalations.
struct ChatStatus {
    let projects: [Project]
    /// Each project's milestones with the fields rules see, by project id.
    let milestones: [String: [MilestoneFacts]]
    let escalations: [EscalationRecord]

    /// `Apollo ERP upgrade (apollo): 4 milestones, 1 overdue, 1 at risk or blocked, 1 open escalation`, a line per
    /// project.
    var overview: String {
        guard !projects.isEmpty else { return "No projects yet." }
        let lines = projects.map { project in
            let facts = milestones[project.id] ?? []
            let open = facts.filter { !$0.milestone.status.isClosed }
            var parts = ["\(facts.count) milestone\(facts.count == 1 ? "" : "s")"]
            let overdue = open.count { $0.daysOverdue > 0 }
            if overdue > 0 { parts.append("\(overdue) overdue") }
            let troubled = open.count { $0.milestone.status == .atRisk || $0.milestone.status == .blocked }
            if troubled > 0 { parts.append("\(troubled) at risk or blocked") }
            let escalated = escalations.count { $0.key.projectID == project.id }
            if escalated > 0 { parts.append("\(escalated) open escalation\(escalated == 1 ? "" : "s")") }
            let held = project.status == .active ? "" : " [\(project.status.words)]"
            return "\(project.name) (\(project.id))\(held): " + parts.joined(separator: ", ")
        }
        return (lines + ["Say status PROJECT for its milestones."]).joined(separator: "\n")
    }

    /// The project's name, then a line per milestone (`• design: Design sign-off · alice · in progress · due Thu 3
    /// Dec, 1 business day overdue`) and per open escalation; nil when there is no such project.
    func detail(_ projectID: String) -> String? {
        guard let project = projects.first(where: { $0.id == projectID }) else { return nil }
        var lines = ["\(project.name) (\(project.id))"]
        for facts in milestones[projectID] ?? [] {
            let milestone = facts.milestone
            let status = milestone.status.words
            let line = "• \(milestone.id): \(milestone.title) · \(milestone.owner) · \(status)"
            lines.append(line + Self.timing(facts))
        }
        for record in escalations where record.key.projectID == projectID {
            lines.append(
                "Open escalation \(record.id) on \(record.key.milestoneID), level \(record.levelsNotified): "
                    + "ack \(record.id) to stop it."
            )
        }
        return lines.joined(separator: "\n")
    }

    /// `Known projects: apollo, zeus.`
    var knownProjects: String {
        projects.isEmpty ? "There are no projects yet."
            : "Known projects: \(projects.map(\.id).joined(separator: ", "))."
    }

    /// ` · due Thu 3 Dec, 1 business day overdue` (late in business days, as messages count it: `, overdue` before
    /// a business day has passed); nothing for a closed milestone.
    private static func timing(_ facts: MilestoneFacts) -> String {
        guard !facts.milestone.status.isClosed else { return "" }
        let due = " · due \(facts.milestone.due.display(today: facts.today))"
        if facts.daysOverdue > 0 {
            let late = facts.businessDaysOverdue
            return due + (late > 0 ? ", \(late) business day\(late == 1 ? "" : "s") overdue" : ", overdue")
        }
        if facts.daysUntilDue == 0 { return due + ", today" }
        let days = facts.businessDaysUntilDue
        return due + ", in \(days) business day\(days == 1 ? "" : "s")"
    }
}
