import HeraldCore
import HeraldStore
import Hummingbird

/// Where an event of the communication flow stands, as the dashboard's `state` filter names it.
enum FlowState: String, CaseIterable {
    case delivered, pending, retrying, dead, cancelled
    /// Waiting: its channel is disabled, or quiet hours hold it until a time.
    case held
    /// A rule decided it and a suppression (snooze, dedup, quiet hours) stopped it.
    case suppressed

    /// The state of `event`; nil for events that are not messages (snoozes, chat commands).
    init?(_ event: LogEvent) {
        switch event {
        case .message(let entry):
            if LogReport.isWaitingForHold(entry) {
                self = .held
            } else {
                switch entry.delivery.state {
                case .delivered: self = .delivered
                case .pending: self = .pending
                case .retrying: self = .retrying
                case .dead: self = .dead
                case .cancelled: self = .cancelled
                case .held: self = .held
                }
            }
        case .suppressed:
            self = .suppressed
        case .snoozed, .unsnoozed, .chat:
            return nil
        }
    }
}

/// The dashboard's filters over the communication flow, read from its GET form: `project`, `milestone`, `channel`
/// and `state`. An empty value is the form's "any"; an unknown name or value is a 400 naming the parameter.
struct DashboardFilter: Equatable {
    var project: String?
    var milestone: String?
    var channel: String?
    var state: FlowState?

    /// How many events the flow shows at most: the most recent.
    static let limit = 200

    /// Reads the filters of `request`, checking each against the projects, milestones and channels that exist.
    init(_ request: Request, projects: [Project], channels: Set<String>) throws {
        let query = try QueryParameters(request, allowed: ["project", "milestone", "channel", "state"])
        project = query.choice("project")
        milestone = query.choice("milestone")
        channel = query.choice("channel")
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
        if let text = query.choice("state") {
            guard let state = FlowState(rawValue: text) else {
                let known = FlowState.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, "query parameter 'state': unknown state '\(text)' (\(known))")
            }
            self.state = state
        }
    }

    /// Whether any filter is set.
    var isFiltering: Bool { self != DashboardFilter() }

    private init() {}

    /// The store's filter: without a state filter only the most recent events are read; with one, every event
    /// matching the rest is read so that the most recent of that state are found.
    var logFilter: LogFilter {
        LogFilter(projectID: project, milestoneID: milestone, channel: channel, limit: state == nil ? Self.limit : nil)
    }

    /// The events to show, newest first, at most ``limit``.
    func shown(_ events: [LogEvent]) -> [LogEvent] {
        let matching = state.map { state in events.filter { FlowState($0) == state } } ?? events
        return Array(matching.suffix(Self.limit).reversed())
    }
}
