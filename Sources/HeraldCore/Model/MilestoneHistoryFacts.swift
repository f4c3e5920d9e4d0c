import Foundation

/// What a milestone's history says beyond its current fields, kept up to date by the store as changes are applied,
/// so evaluating rules never reads the history itself.
public struct MilestoneHistoryFacts: Hashable, Sendable {
    /// How many times `due` changed after the milestone was created.
    public var timesMoved: Int
    /// The last change of `due`; nil when it never moved.
    public var lastMove: DueMove?
    /// When `status` last changed; when the milestone was created if it never has.
    public var statusChangedAt: Date

    /// Creates the history facts; the defaults describe a milestone whose due date never moved.
    public init(timesMoved: Int = 0, lastMove: DueMove? = nil, statusChangedAt: Date) {
        self.timesMoved = timesMoved
        self.lastMove = lastMove
        self.statusChangedAt = statusChangedAt
    }

    /// The facts after `fields` changed at `at`, as history records them: a `due` change with an old value is a
    /// move (a creation's `nil -> date` is not), and any `status` change, creation included, sets
    /// `statusChangedAt`.
    public func applying(_ fields: [FieldChange], at: Date) -> MilestoneHistoryFacts {
        var facts = self
        for field in fields {
            switch field.field {
            case "due":
                guard let old = field.oldValue.flatMap(CivilDate.init(iso:)),
                      let new = field.newValue.flatMap(CivilDate.init(iso:)) else { continue }
                facts.timesMoved += 1
                facts.lastMove = DueMove(from: old, to: new)
            case "status":
                facts.statusChangedAt = at
            default:
                continue
            }
        }
        return facts
    }
}

/// One change of a milestone's due date.
public struct DueMove: Hashable, Sendable {
    /// The due date before the change.
    public var from: CivilDate
    /// The due date after the change.
    public var to: CivilDate

    /// Creates a move from one due date to another.
    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }
}
