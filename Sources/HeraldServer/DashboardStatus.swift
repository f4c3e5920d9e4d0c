import HeraldCore

/// A milestone's status colour on the dashboard, RAG-like, the most severe that applies.
enum DashboardStatus: String {
    case done, cancelled
    /// Past its due date and not closed.
    case overdue
    case blocked
    /// Stated at risk, or forecast later than its baseline (unless on hold).
    case atRisk = "at-risk"
    /// Stated on hold: a decision, not a slip, so a slipped milestone on hold is on hold.
    case onHold = "on-hold"
    case onTrack = "on-track"

    /// The status of the milestone `facts` describe; overdue as messages say it, from the day after its due date.
    init(_ facts: MilestoneFacts) {
        switch facts.milestone.status {
        case .done: self = .done
        case .cancelled: self = .cancelled
        case _ where facts.daysOverdue >= 1: self = .overdue
        case .blocked: self = .blocked
        case .atRisk: self = .atRisk
        case .onHold: self = .onHold
        case _ where facts.slipDays > 0: self = .atRisk
        case .planned, .inProgress: self = .onTrack
        }
    }

    /// How late the milestone is, in business days as messages count them (`3 bd`; `<1 bd` on the days after the
    /// due date before a business day has passed); nil when it is not overdue.
    static func late(_ facts: MilestoneFacts) -> String? {
        guard Self(facts) == .overdue else { return nil }
        return facts.businessDaysOverdue > 0 ? "\(facts.businessDaysOverdue) bd" : "<1 bd"
    }

    /// In words.
    var label: String {
        switch self {
        case .done: "done"
        case .cancelled: "cancelled"
        case .overdue: "overdue"
        case .blocked: "blocked"
        case .atRisk: "at risk"
        case .onHold: "on hold"
        case .onTrack: "on track"
        }
    }

    /// The CSS colour.
    var colour: String {
        switch self {
        case .done: "#2e7d32"
        case .cancelled, .onHold: "#757575"
        case .overdue, .blocked: "#c62828"
        case .atRisk: "#ef8f00"
        case .onTrack: "#1565c0"
        }
    }
}
