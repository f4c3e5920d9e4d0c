import HeraldCore
import Logging

/// How a round's escalation changes reach the log: each one at notice while they are few, one summary line at
/// notice (`escalations: 20000 open, 2 resolved`) with each at debug when a round changes more than
/// ``detailLimit``, so 20,000 milestones falling overdue at once log one line, not 20,000.
enum EscalationChangeLog {
    /// The most changes in one round that are each logged at notice.
    static let detailLimit = 5

    /// Logs the updates whose state changed.
    static func log(_ updates: [EscalationUpdate], to logger: Logger) {
        let changed = updates.filter { $0.expectedState != $0.record.state }
        let detailLevel: Logger.Level = changed.count > detailLimit ? .debug : .notice
        for update in changed {
            let record = update.record
            logger.log(level: detailLevel, "escalation \(record.state.rawValue)", metadata: [
                "escalation": "\(record.id)", "rule": "\(record.key.rule)",
                "milestone": "\(record.key.projectID)/\(record.key.milestoneID)",
            ])
        }
        if let line = summary(changed), changed.count > detailLimit { logger.notice("\(line)") }
    }

    /// `escalations: 3 open, 1 resolved`, states in their declared order; nil without changes.
    static func summary(_ changed: [EscalationUpdate]) -> String? {
        guard !changed.isEmpty else { return nil }
        let parts = EscalationState.allCases.compactMap { state -> String? in
            let count = changed.count { $0.record.state == state }
            return count == 0 ? nil : "\(count) \(state.rawValue)"
        }
        return "escalations: " + parts.joined(separator: ", ")
    }
}
