import Foundation

/// The most severe status rule one open milestone trips; a milestone that trips none is green and has no finding.
///
/// Red: a critical milestone is overdue, or has slipped more than `tolerance` business days past its baseline.
/// Amber: any milestone is overdue, has slipped past its baseline, is blocked or at risk.
struct DigestFinding {
    /// The rules, most severe first.
    enum Kind: Int {
        case criticalOverdue, criticalSlip, overdue, slip, blocked, atRisk
    }

    var kind: Kind
    /// Business days overdue or slipped; 0 for blocked and at risk.
    var magnitude: Int
    var subject: DigestSubject

    /// The finding for `subject`, or nil when it is closed or on track.
    init?(_ subject: DigestSubject, tolerance: Int) {
        let milestone = subject.milestone
        let facts = subject.facts
        guard !milestone.status.isClosed else { return nil }
        if milestone.critical && facts.daysOverdue > 0 {
            (kind, magnitude) = (.criticalOverdue, facts.businessDaysOverdue)
        } else if milestone.critical && facts.slipDays > tolerance {
            (kind, magnitude) = (.criticalSlip, facts.slipDays)
        } else if facts.daysOverdue > 0 {
            (kind, magnitude) = (.overdue, facts.businessDaysOverdue)
        } else if facts.slipDays > 0 {
            (kind, magnitude) = (.slip, facts.slipDays)
        } else if milestone.status == .blocked {
            (kind, magnitude) = (.blocked, 0)
        } else if milestone.status == .atRisk {
            (kind, magnitude) = (.atRisk, 0)
        } else {
            return nil
        }
        self.subject = subject
    }

    var status: RAGStatus {
        kind == .criticalOverdue || kind == .criticalSlip ? .red : .amber
    }

    /// True when this finding decides a status before `other`: the more severe rule, then the larger number of
    /// business days, then reporting order.
    func precedes(_ other: DigestFinding) -> Bool {
        (kind.rawValue, -magnitude, subject.order) < (other.kind.rawValue, -other.magnitude, other.subject.order)
    }

    /// The rule in words, `red: a critical milestone is overdue`.
    func rule(tolerance: Int) -> String {
        switch kind {
        case .criticalOverdue: "red: a critical milestone is overdue"
        case .criticalSlip:
            "red: a critical milestone slipped more than \(MessageText.count(tolerance, "business day")) "
                + "past its baseline"
        case .overdue: "amber: a milestone is overdue"
        case .slip: "amber: a milestone slipped past its baseline"
        case .blocked: "amber: a milestone is blocked"
        case .atRisk: "amber: a milestone is at risk"
        }
    }

    /// What is wrong, after the milestone's name: `is 3 business days overdue (due Fri 27 Nov)`.
    var predicate: String {
        let milestone = subject.milestone
        let today = subject.facts.today
        let due = milestone.due.display(today: today)
        switch kind {
        case .criticalOverdue, .overdue:
            return magnitude > 0
                ? "is \(MessageText.count(magnitude, "business day")) overdue (due \(due))"
                : "is overdue (due \(due))"
        case .criticalSlip, .slip:
            let baseline = milestone.baseline?.display(today: today) ?? due
            return "has slipped \(MessageText.count(magnitude, "business day")) past its baseline, \(baseline) "
                + "(now due \(due))"
        case .blocked: return "is blocked (due \(due))"
        case .atRisk: return "is at risk (due \(due))"
        }
    }
}
