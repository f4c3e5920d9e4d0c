import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /api/v1/projects` and `GET /api/v1/projects/{p}`: projects with their milestones in file order, each
    /// with the computed fields the rules read, for today in the configured zone.
    func addProjects(to api: RouterGroup<ServerRequestContext>) {
        api.get("projects") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse.make(try await projectItems(only: nil))
        }
        api.get("projects/:project") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = context.parameters.decoded("project")
            guard let item = try await projectItems(only: id).first else {
                throw APIError(.notFound, "unknown project '\(id)'")
            }
            return JSONResponse.make(item)
        }
    }

    /// The projects (all, or only the one with id `only`) as API items.
    private func projectItems(only: String?) async throws -> [ProjectItem] {
        let facts = try milestoneFacts(in: try await loadedConfiguration())
        let graph = Self.dependencyGraph(facts)
        return try store.projects().filter { only == nil || $0.id == only }.map { project in
            ProjectItem(project, milestones: (facts[project.id] ?? []).map { MilestoneItem($0, graph: graph) })
        }
    }

    /// The dependencies between all the milestones `facts` holds, whichever projects are shown.
    static func dependencyGraph(_ facts: [String: [MilestoneFacts]]) -> DependencyGraph {
        DependencyGraph(milestones: facts.sorted { $0.key < $1.key }.flatMap { $0.value.map(\.milestone) })
    }

    /// Every tracked milestone's computed fields for today in the configured zone, by project id, in file order.
    func milestoneFacts(in configuration: Configuration) throws -> [String: [MilestoneFacts]] {
        let today = CivilDate(now(), in: configuration.calendar.timeZone)
        var milestones: [String: [MilestoneFacts]] = [:]
        for tracked in try store.trackedMilestones() {
            milestones[tracked.milestone.projectID, default: []].append(MilestoneFacts(
                milestone: tracked.milestone, updatedAt: tracked.updatedAt, today: today,
                calendar: configuration.calendar, history: tracked.history
            ))
        }
        return milestones
    }
}

/// A project as the API shows it.
private struct ProjectItem: Encodable {
    var id: String
    var name: String
    var status: String
    var manager: String?
    var sponsor: String?
    var channel: String?
    var milestones: [MilestoneItem]

    init(_ project: Project, milestones: [MilestoneItem]) {
        id = project.id
        name = project.name
        status = project.status.rawValue
        manager = project.manager
        sponsor = project.sponsor
        channel = project.channel
        self.milestones = milestones
    }
}

/// A milestone as the API shows it: its stated fields, then the computed ones under the names rules use, then
/// what its dependencies make of it: `blocks` (every milestone that depends on it, directly or not, in any project,
/// as `PROJECT/ID`) and `critical_path` (on a project's critical path, see ``DependencyGraph``).
struct MilestoneItem: Encodable {
    var id: String
    var title: String
    var phase: String?
    var owner: String
    var status: String
    var critical: Bool
    var due: String
    /// The exact deadline (UTC) when one was given as a date-time; absent for a plain date.
    var dueAt: String?
    var baseline: String?
    var dependsOn: [String]
    var deliverables: [String]
    var labels: [String: String]
    var updatedAt: String
    var daysUntilDue: Int
    var businessDaysUntilDue: Int
    var daysOverdue: Int
    var businessDaysOverdue: Int
    var slipDays: Int
    var daysSinceUpdate: Int
    var timesMoved: Int
    var movedDays: Int
    var statusChangedOn: String
    var blocks: [String]
    var criticalPath: Bool

    init(_ facts: MilestoneFacts, graph: DependencyGraph) {
        let milestone = facts.milestone
        id = milestone.id
        title = milestone.title
        phase = milestone.phase
        owner = milestone.owner
        status = milestone.status.rawValue
        critical = milestone.critical
        due = milestone.due.description
        dueAt = milestone.dueInstant.map(ISO8601.string)
        baseline = milestone.baseline?.description
        dependsOn = milestone.dependsOn
        deliverables = milestone.deliverables
        labels = milestone.labels
        updatedAt = ISO8601.string(facts.updatedAt)
        daysUntilDue = facts.daysUntilDue
        businessDaysUntilDue = facts.businessDaysUntilDue
        daysOverdue = facts.daysOverdue
        businessDaysOverdue = facts.businessDaysOverdue
        slipDays = facts.slipDays
        daysSinceUpdate = facts.daysSinceUpdate
        timesMoved = facts.timesMoved
        movedDays = facts.movedDays
        statusChangedOn = facts.statusChangedOn.description
        blocks = graph.blocks(milestone.key).map(\.description)
        criticalPath = graph.isOnCriticalPath(milestone.key)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, phase, owner, status, critical, due, dueAt = "due_at", baseline, dependsOn = "depends_on"
        case deliverables, labels
        case updatedAt = "updated_at", daysUntilDue = "days_until_due", businessDaysUntilDue = "business_days_until_due"
        case daysOverdue = "days_overdue", businessDaysOverdue = "business_days_overdue", slipDays = "slip_days"
        case daysSinceUpdate = "days_since_update", timesMoved = "times_moved", movedDays = "moved_days"
        case statusChangedOn = "status_changed_on", blocks, criticalPath = "critical_path"
    }
}
