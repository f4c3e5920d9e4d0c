import Foundation

/// Which part of the communication log to read (`herald log`, `GET /api/v1/log`). Every nil field matches all.
public struct LogFilter: Hashable, Sendable {
    /// Only messages about this project.
    public var projectID: String?
    /// Only messages about this milestone (its id; combine with `projectID` to name one project's milestone).
    public var milestoneID: String?
    /// Only events at or after this time (a message by its release: the end of its hold, else its decision).
    public var since: Date?
    /// Only events at or before this time (a page of `GET /api/v1/log` further back).
    public var until: Date?
    /// Only messages to this channel key.
    public var channel: String?
    /// Only events about this person (a person key): messages and suppressions naming them among the recipients,
    /// the changes of milestones they own or made, the snoozes they asked for, the acknowledgements they gave, the
    /// chat commands they typed.
    public var person: String?
    /// Only events in this state (messages by their delivery, or suppressions); snoozes and chat commands have none.
    public var state: LogState?
    /// At most this many entries: the most recent ones, still returned oldest first.
    public var limit: Int?

    /// Creates a filter; the default matches everything.
    public init(
        projectID: String? = nil, milestoneID: String? = nil, since: Date? = nil, channel: String? = nil,
        state: LogState? = nil, person: String? = nil, limit: Int? = nil
    ) {
        self.projectID = projectID
        self.milestoneID = milestoneID
        self.since = since
        self.channel = channel
        self.state = state
        self.person = person
        self.limit = limit
    }
}
