import Foundation

/// One field of a milestone that changed, with its old and new values as text.
public struct FieldChange: Hashable, Codable, Sendable {
    public var field: String
    public var oldValue: String?
    public var newValue: String?

    /// Creates a field change.
    public init(field: String, oldValue: String?, newValue: String?) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// What happened to one milestone when a source (a project file, the API) was applied.
public struct MilestoneChange: Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case created, updated, removed
    }

    public var projectID: String
    public var milestoneID: String
    public var kind: Kind
    /// The fields that changed (for `created`, every field with its new value).
    public var fields: [FieldChange]
    /// The milestone before the change; nil when created.
    public var previous: Milestone?
    /// The milestone after the change; nil when removed.
    public var current: Milestone?
    /// What the history says after the change (due date moves, last status change); nil when not known.
    public var history: MilestoneHistoryFacts?
    /// Where the change came from, as its history lines record it (`file:apollo.yaml`, `api`, `chat:alice`); nil
    /// when not known.
    public var source: String?
    /// Who made it, as its history lines record it: a person key or a free name (the API's `by`, the person behind a
    /// chat command); nil for a project file's change and an API change that did not say.
    public var actor: String?

    /// Creates a change.
    public init(
        projectID: String, milestoneID: String, kind: Kind, fields: [FieldChange], previous: Milestone?,
        current: Milestone?, history: MilestoneHistoryFacts? = nil, source: String? = nil, actor: String? = nil
    ) {
        self.projectID = projectID
        self.milestoneID = milestoneID
        self.kind = kind
        self.fields = fields
        self.previous = previous
        self.current = current
        self.history = history
        self.source = source
        self.actor = actor
    }
}

/// One line of a milestone's history.
public struct HistoryEntry: Hashable, Sendable {
    public var projectID: String
    public var milestoneID: String
    public var at: Date
    /// `file:apollo.yaml`, `api`, `chat:alice`.
    public var source: String
    public var change: FieldChange
    /// Who made the change: a person key or a free name (the API's `by`, the person behind a chat command); nil for
    /// a project file's changes and an API change that did not say.
    public var actor: String?

    /// Creates a history entry.
    public init(
        projectID: String, milestoneID: String, at: Date, source: String, change: FieldChange, actor: String? = nil
    ) {
        self.projectID = projectID
        self.milestoneID = milestoneID
        self.at = at
        self.source = source
        self.change = change
        self.actor = actor
    }
}
