import Foundation

/// The whole validated configuration: the main file and every project file.
public struct Configuration: Sendable {
    /// Path of the main config file.
    public var file: String
    /// Where the SQLite database lives.
    public var stateDirectory: String
    /// Where project files are read (and watched).
    public var projectsDirectory: String
    public var calendar: BusinessCalendar
    public var server: ServerSettings?
    public var people: [String: Person]
    public var audiences: [String: Audience]
    public var channels: [String: Channel]
    /// In file order: the order in which rules are evaluated.
    public var rules: [Rule]
    public var escalations: [String: EscalationPolicy]
    public var digests: [DigestDefinition]
    /// Sorted by id.
    public var projects: [Project]
    /// How long a project whose file vanished is kept as it was before its milestones count as removed
    /// (`projects_grace`, default 10 minutes): editors and `git checkout` remove files for a moment.
    public var projectsGrace: TimeInterval = Configuration.defaultProjectsGrace
    /// `projects_grace` when the config does not say: 10 minutes.
    public static let defaultProjectsGrace: TimeInterval = 600
    /// The channel told about operational events (a channel disabled because its endpoint is gone); nil for none.
    public var opsChannel: String?
    /// Where message templates are read (`templates_dir`); nil for none.
    public var templatesDirectory: String?
    /// The templates read from ``templatesDirectory``, overriding the built-in wording per message kind.
    public var templates = MessageTemplates()
    /// The size limits of project files and their fields (`limits:`).
    public var limits = InputLimits()
    /// How messages to the same people are gathered into one (`bundling:`).
    public var bundling = Bundling()

    /// Creates a configuration.
    public init(
        file: String, stateDirectory: String, projectsDirectory: String, calendar: BusinessCalendar,
        server: ServerSettings? = nil, people: [String: Person] = [:], audiences: [String: Audience] = [:],
        channels: [String: Channel] = [:], rules: [Rule] = [], escalations: [String: EscalationPolicy] = [:],
        digests: [DigestDefinition] = [], projects: [Project] = []
    ) {
        self.file = file
        self.stateDirectory = stateDirectory
        self.projectsDirectory = projectsDirectory
        self.calendar = calendar
        self.server = server
        self.people = people
        self.audiences = audiences
        self.channels = channels
        self.rules = rules
        self.escalations = escalations
        self.digests = digests
        self.projects = projects
    }
}

/// The `server:` section.
public struct ServerSettings: Hashable, Sendable {
    /// `host:port`.
    public var listen: String
    public var apiToken: Secret?
    public var publicURL: String?
    /// How long an acknowledgement link works after its notice (`ack_link_ttl`, default 7 days).
    public var ackLinkLifetime: Interval
    /// The chat platforms whose slash commands `/chat/…` accepts.
    public var chat = ChatSettings()
    /// How long a digest's "Full digest" link works after the run (`digest_link_ttl`, default 30 days).
    public var digestLinkLifetime: Interval
    /// How long a message's "Milestone page" link works after the message (`milestone_link_ttl`, default 30 days).
    public var milestoneLinkLifetime: Interval
    /// Timeouts, the connection cap and the body size limit.
    public var limits: ServerLimits
    /// The proxies whose `X-Forwarded-For` names the client (`trusted_proxies`); from any other peer the header is
    /// ignored.
    public var trustedProxies: [AddressRange]

    /// Creates server settings.
    public init(
        listen: String, apiToken: Secret? = nil, publicURL: String? = nil, ackLinkLifetime: Interval = .days(7),
        chat: ChatSettings = ChatSettings(), digestLinkLifetime: Interval = .days(30),
        limits: ServerLimits = ServerLimits(), trustedProxies: [AddressRange] = [],
        milestoneLinkLifetime: Interval = .days(30)
    ) {
        self.listen = listen
        self.apiToken = apiToken
        self.publicURL = publicURL
        self.ackLinkLifetime = ackLinkLifetime
        self.chat = chat
        self.digestLinkLifetime = digestLinkLifetime
        self.milestoneLinkLifetime = milestoneLinkLifetime
        self.limits = limits
        self.trustedProxies = trustedProxies
    }
}
