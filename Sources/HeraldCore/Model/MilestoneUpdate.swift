/// A change asked for from outside the project files (the API's `PATCH`, a chat command): the fields to set, each
/// nil when left as it is, and a note for the milestone's history.
public struct MilestoneUpdate: Hashable, Sendable {
    /// The new status.
    public var status: MilestoneStatus?
    /// The new deadline: a date, or an exact instant (either replaces what the file gave).
    public var due: Deadline?
    /// The new owner's person key.
    public var owner: String?
    /// Why, or what the owner says; recorded as a history line of field `note` (the digests' "slipped" section
    /// quotes the latest one).
    public var note: String?
    /// Who asks for it: a person key or a free name, recorded as the history's actor; nil when not said.
    public var by: String?

    /// Creates an update.
    public init(
        status: MilestoneStatus? = nil, due: Deadline? = nil, owner: String? = nil, note: String? = nil,
        by: String? = nil
    ) {
        self.status = status
        self.due = due
        self.owner = owner
        self.note = note
        self.by = by
    }

    /// `milestone` with the update's fields set.
    public func applied(to milestone: Milestone) -> Milestone {
        var result = milestone
        if let status { result.status = status }
        if let due {
            result.due = due.date
            result.dueInstant = due.instant
        }
        if let owner { result.owner = owner }
        return result
    }
}
