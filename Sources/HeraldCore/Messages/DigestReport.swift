import Foundation

/// What a digest says: the structured content every channel renders (and the generic webhook carries as
/// `data.digest`). Sections are in reporting order; an empty section is omitted when rendered.
public struct DigestReport: Hashable, Codable, Sendable {
    /// The digest's name.
    public var name: String
    /// The time the report describes (the scheduled run time, or `--at`).
    public var at: Date
    /// The previous digest's time: "since" for the completed and changed sections; nil for the first digest.
    public var since: Date?
    /// True when sent after a missed run (the daemon was down at the scheduled time).
    public var late: Bool
    public var headline: DigestHeadline
    /// Each project in scope with its own status.
    public var projects: [DigestProjectStatus]
    /// Completed since the previous digest, with how late against the baseline (0 = on time).
    public var completed: [DigestItem]
    /// Due within the window, soonest first.
    public var dueSoon: [DigestItem]
    /// Slipped or moved since the previous digest: baseline, previous forecast, new forecast, Δ business days.
    public var slipped: [DigestItem]
    /// Past due and not done, most overdue first.
    public var overdue: [DigestItem]
    /// Open (and acknowledged-but-unresolved) escalations.
    public var escalations: [DigestEscalation]
    /// True when nothing changed since the previous digest.
    public var unchanged: Bool
    /// The IANA zone its dates are read in (the digest's, else the config's); nil reads them in UTC.
    public var timeZone: String?
    /// The last day the due-soon window covers (`at`'s date plus the digest's `window`); nil when not known.
    public var windowEnd: CivilDate?
    /// Where the whole digest can be read (see ``DigestLink``); nil without `server.public_url`. A digest too long
    /// for a channel is summarised there with this link.
    public var link: String?

    /// Creates a report.
    public init(
        name: String, at: Date, since: Date?, late: Bool, headline: DigestHeadline, projects: [DigestProjectStatus],
        completed: [DigestItem] = [], dueSoon: [DigestItem] = [], slipped: [DigestItem] = [],
        overdue: [DigestItem] = [], escalations: [DigestEscalation] = [], unchanged: Bool = false,
        windowEnd: CivilDate? = nil, link: String? = nil, timeZone: String? = nil
    ) {
        self.name = name
        self.at = at
        self.since = since
        self.late = late
        self.headline = headline
        self.projects = projects
        self.completed = completed
        self.dueSoon = dueSoon
        self.slipped = slipped
        self.overdue = overdue
        self.escalations = escalations
        self.unchanged = unchanged
        self.windowEnd = windowEnd
        self.link = link
        self.timeZone = timeZone
    }
}

/// Red, amber or green.
public enum RAGStatus: String, Hashable, Codable, Sendable, Comparable {
    case green, amber, red

    public static func < (lhs: RAGStatus, rhs: RAGStatus) -> Bool {
        let order: [RAGStatus] = [.green, .amber, .red]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// How the overall status moved since the previous digest.
public enum DigestTrend: String, Hashable, Codable, Sendable {
    case improving, steady, worsening
    /// No previous digest to compare with.
    case first
}

/// The headline: overall status, the rule that set it, the trend, and one reason.
public struct DigestHeadline: Hashable, Codable, Sendable {
    public var status: RAGStatus
    /// The rule that set the status, in words (`red: a critical milestone is overdue`).
    public var rule: String
    public var trend: DigestTrend
    /// The one reason, naming the milestone that decided it (`Design sign-off (Apollo) is 3 business days late`).
    public var reason: String

    /// Creates a headline.
    public init(status: RAGStatus, rule: String, trend: DigestTrend, reason: String) {
        self.status = status
        self.rule = rule
        self.trend = trend
        self.reason = reason
    }
}

/// One project's status in a digest.
public struct DigestProjectStatus: Hashable, Codable, Sendable {
    public var project: ProjectRef
    public var status: RAGStatus
    public var reason: String

    /// Creates a project status.
    public init(project: ProjectRef, status: RAGStatus, reason: String) {
        self.project = project
        self.status = status
        self.reason = reason
    }
}

/// One milestone line of a digest section; fields a section does not use are nil.
public struct DigestItem: Hashable, Codable, Sendable {
    public var project: ProjectRef
    public var milestone: MilestoneRef
    /// The owner's display name.
    public var ownerName: String
    public var baseline: CivilDate?
    /// The forecast in the previous digest (slipped section).
    public var previousDue: CivilDate?
    /// The day it was marked done (completed section).
    public var completedOn: CivilDate?
    /// Business days late against the baseline (completed), overdue (overdue), or moved (slipped: new − previous).
    public var businessDays: Int?
    /// The latest note, if the source gave one.
    public var note: String?

    /// Creates an item.
    public init(
        project: ProjectRef, milestone: MilestoneRef, ownerName: String, baseline: CivilDate? = nil,
        previousDue: CivilDate? = nil, completedOn: CivilDate? = nil, businessDays: Int? = nil, note: String? = nil
    ) {
        self.project = project
        self.milestone = milestone
        self.ownerName = ownerName
        self.baseline = baseline
        self.previousDue = previousDue
        self.completedOn = completedOn
        self.businessDays = businessDays
        self.note = note
    }
}

/// An escalation as a digest lists it.
public struct DigestEscalation: Hashable, Codable, Sendable {
    public var id: String
    public var project: ProjectRef
    public var milestone: MilestoneRef
    /// 1-based level reached, and how many the policy has.
    public var level: Int
    public var levels: Int
    /// Who acknowledged it, when it is acknowledged.
    public var acknowledgedBy: String?

    /// Creates an escalation line.
    public init(
        id: String, project: ProjectRef, milestone: MilestoneRef, level: Int, levels: Int, acknowledgedBy: String?
    ) {
        self.id = id
        self.project = project
        self.milestone = milestone
        self.level = level
        self.levels = levels
        self.acknowledgedBy = acknowledgedBy
    }
}
