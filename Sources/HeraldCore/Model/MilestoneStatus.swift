/// Where a milestone stands. `done` and `cancelled` are closed: no rule reminds about them.
public enum MilestoneStatus: String, CaseIterable, Sendable, Hashable, Codable, SpokenStatus {
    case planned
    case inProgress = "in_progress"
    case atRisk = "at_risk"
    case blocked
    case onHold = "on_hold"
    case done
    case cancelled

    /// True for `done` and `cancelled`.
    public var isClosed: Bool {
        self == .done || self == .cancelled
    }
}
