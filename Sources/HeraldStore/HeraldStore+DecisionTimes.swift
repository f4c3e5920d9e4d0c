import Foundation
import GRDB

extension HeraldStore {
    /// The earliest time after `time` at which a repeating rule may fire again (`next_eligible_at`), or nil when no
    /// rule waits to repeat. One of the instants `HeraldRuntime.nextDecisionTime(after:)` considers.
    public func nextRuleEligibleTime(after time: Date) throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT min(next_eligible_at) FROM rule_state WHERE next_eligible_at > ?",
                arguments: [time.timeIntervalSince1970]
            )
            .map(Date.init(timeIntervalSince1970:))
        }
    }
}
