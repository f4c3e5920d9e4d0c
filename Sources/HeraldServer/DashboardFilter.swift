import HeraldCore
import HeraldStore
import Hummingbird

/// The dashboard's filters over the communication flow, read from its GET form: `project`, `milestone`, `channel`,
/// `person` and `state`. An empty value is the form's "any"; an unknown name or value is a 400 naming the parameter.
struct DashboardFilter: Equatable {
    var project: String?
    var milestone: String?
    var channel: String?
    /// A person key: the messages to them, their snoozes and chat commands.
    var person: String?
    var state: LogState?

    /// How many events the flow shows at most: the most recent.
    static let limit = 200

    /// Reads the filters of `request`, checking each against the projects, milestones and channels that exist.
    init(_ request: Request, projects: [Project], channels: Set<String>, people: Set<String>) throws {
        let query = try QueryParameters(request, allowed: ["project", "milestone", "channel", "person", "state"])
        project = query.choice("project")
        milestone = query.choice("milestone")
        channel = query.choice("channel")
        person = query.choice("person")
        if let project, !projects.contains(where: { $0.id == project }) {
            throw APIError(.badRequest, "query parameter 'project': unknown project '\(project)'")
        }
        if let milestone, !projects.contains(where: { candidate in
            (project == nil || candidate.id == project) && candidate.milestones.contains { $0.id == milestone }
        }) {
            let scope = project.map { " in project '\($0)'" } ?? ""
            throw APIError(.badRequest, "query parameter 'milestone': unknown milestone '\(milestone)'\(scope)")
        }
        if let channel, !channels.contains(channel) {
            throw APIError(.badRequest, "query parameter 'channel': unknown channel '\(channel)'")
        }
        if let person, !people.contains(person) {
            throw APIError(.badRequest, "query parameter 'person': unknown person '\(person)'")
        }
        state = try query.state("state", query.choice("state"), as: LogState.self)
    }

    /// Whether any filter is set.
    var isFiltering: Bool { self != DashboardFilter() }

    private init() {}

    /// The store's filter: the most recent ``limit`` events matching every filter.
    var logFilter: LogFilter {
        LogFilter(
            projectID: project, milestoneID: milestone, channel: channel, state: state, person: person,
            limit: Self.limit
        )
    }
}
