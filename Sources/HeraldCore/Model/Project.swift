/// A project: its people, default channel and milestones (one project file).
public struct Project: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Person keys.
    public var manager: String?
    public var sponsor: String?
    /// Default channel for this project's messages.
    public var channel: String?
    /// Active, or on hold (then only digests are sent).
    public var status: ProjectStatus
    public var milestones: [Milestone]
    /// The file it was read from, for diagnostics.
    public var sourceFile: String

    /// Creates a project.
    public init(
        id: String, name: String, manager: String? = nil, sponsor: String? = nil, channel: String? = nil,
        status: ProjectStatus = .active, milestones: [Milestone] = [], sourceFile: String = ""
    ) {
        self.id = id
        self.name = name
        self.manager = manager
        self.sponsor = sponsor
        self.channel = channel
        self.status = status
        self.milestones = milestones
        self.sourceFile = sourceFile
    }
}
