import Foundation

/// One milestone of a project, as its project file (or later the API) states it.
public struct Milestone: Hashable, Sendable {
    /// The owning project's id.
    public var projectID: String
    /// Unique within the project.
    public var id: String
    public var title: String
    public var phase: String?
    /// A person key from the config.
    public var owner: String
    /// The current forecast date.
    public var due: CivilDate
    /// The exact deadline when the file gave a date-time with an offset; nil for a plain date.
    public var dueInstant: Date?
    /// The original plan; never rewritten by Herald.
    public var baseline: CivilDate?
    public var status: MilestoneStatus
    public var critical: Bool
    public var dependsOn: [String]
    public var deliverables: [String]
    public var labels: [String: String]

    /// Creates a milestone.
    public init(
        projectID: String, id: String, title: String, phase: String? = nil, owner: String,
        due: CivilDate, dueInstant: Date? = nil, baseline: CivilDate? = nil, status: MilestoneStatus = .planned,
        critical: Bool = false, dependsOn: [String] = [], deliverables: [String] = [], labels: [String: String] = [:]
    ) {
        self.projectID = projectID
        self.id = id
        self.title = title
        self.phase = phase
        self.owner = owner
        self.due = due
        self.dueInstant = dueInstant
        self.baseline = baseline
        self.status = status
        self.critical = critical
        self.dependsOn = dependsOn
        self.deliverables = deliverables
        self.labels = labels
    }
}

/// A milestone as the engine sees it: the stated facts plus what the store knows of its history.
public struct TrackedMilestone: Hashable, Sendable {
    public var milestone: Milestone
    /// When any field last changed (or when it was first seen).
    public var updatedAt: Date
    /// What the history says: due date moves and the last status change.
    public var history: MilestoneHistoryFacts

    /// Creates a tracked milestone; without `history`, one never moved whose status last changed at `updatedAt`.
    public init(milestone: Milestone, updatedAt: Date, history: MilestoneHistoryFacts? = nil) {
        self.milestone = milestone
        self.updatedAt = updatedAt
        self.history = history ?? MilestoneHistoryFacts(statusChangedAt: updatedAt)
    }
}
