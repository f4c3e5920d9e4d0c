import HeraldCore

/// A milestone's status colour on the dashboard, RAG-like, the most severe that applies.
enum DashboardStatus: String {
    case done, cancelled
    /// Past its due date and not closed.
    case overdue
    case blocked
    /// Stated at risk, or forecast later than its baseline.
    case atRisk = "at-risk"
    case onHold = "on-hold"
    case onTrack = "on-track"

    /// The status of the milestone `facts` describe.
    init(_ facts: MilestoneFacts) {
        switch facts.milestone.status {
        case .done: self = .done
        case .cancelled: self = .cancelled
        case _ where facts.daysOverdue >= 1: self = .overdue
        case .blocked: self = .blocked
        case .atRisk: self = .atRisk
        case _ where facts.slipDays > 0: self = .atRisk
        case .onHold: self = .onHold
        case .planned, .inProgress: self = .onTrack
        }
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
