import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// What every rule has done for every milestone: the engine's dedup and repeat memory.
    public func ruleStates() throws -> [RuleStateKey: RuleState] {
        try writer.read { db in
            var states: [RuleStateKey: RuleState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM rule_state") {
                let key = RuleStateKey(
                    rule: row["rule"], projectID: row["project_id"], milestoneID: row["milestone_id"]
                )
                states[key] = RuleState(
                    key: key, due: try Self.civilDate(row["due"], column: "rule_state.due"),
                    lastFiredAt: Self.date(row, "last_fired_at"),
                    nextEligibleAt: Self.optionalDate(row, "next_eligible_at"), fireCount: row["fire_count"]
                )
            }
            return states
        }
    }

    /// Inserts or replaces one rule state (inside a caller's transaction).
    func upsert(ruleState state: RuleState, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO rule_state (rule, project_id, milestone_id, due, last_fired_at, next_eligible_at, fire_count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (rule, project_id, milestone_id) DO UPDATE SET
                due = excluded.due, last_fired_at = excluded.last_fired_at,
                next_eligible_at = excluded.next_eligible_at, fire_count = excluded.fire_count
            """)
        try statement.execute(arguments: [
            state.key.rule, state.key.projectID, state.key.milestoneID, state.due.description,
            state.lastFiredAt.timeIntervalSince1970, state.nextEligibleAt?.timeIntervalSince1970, state.fireCount,
        ])
    }
}
