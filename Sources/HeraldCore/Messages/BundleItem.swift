import Foundation

/// One message inside a `bundle`: what it would have said on its own, under its own id.
public struct BundleItem: Hashable, Codable, Sendable {
    /// The item's own `msg_…` id, as it was decided (the bundle has another).
    public var id: String
    /// When it was decided.
    public var decidedAt: Date
    /// `reminder`, `escalation`, `announcement` or `resolved`; never `bundle` or `digest`.
    public var kind: MessageKind
    /// The rules that decided it: more than one when two rules said the same thing about one milestone at once.
    public var rules: [String]
    public var project: ProjectRef?
    public var milestones: [MilestoneRef]
    /// What it says, in plain words, without mentions.
    public var text: String
    /// The escalation a notice or resolution belongs to.
    public var escalation: EscalationRef?
    /// An announcement's changed fields and who made them (``OutgoingMessage/changes``, ``OutgoingMessage/actor``).
    public var changes: [FieldChange]?
    public var actor: String?
    /// The page of its milestone (``OutgoingMessage/milestoneURL``).
    public var milestoneURL: String?

    /// Creates an item.
    public init(
        id: String, decidedAt: Date, kind: MessageKind, rules: [String], project: ProjectRef?,
        milestones: [MilestoneRef], text: String, escalation: EscalationRef? = nil, changes: [FieldChange]? = nil,
        actor: String? = nil, milestoneURL: String? = nil
    ) {
        self.id = id
        self.decidedAt = decidedAt
        self.kind = kind
        self.rules = rules
        self.project = project
        self.milestones = milestones
        self.text = text
        self.escalation = escalation
        self.changes = changes
        self.actor = actor
        self.milestoneURL = milestoneURL
    }
}
