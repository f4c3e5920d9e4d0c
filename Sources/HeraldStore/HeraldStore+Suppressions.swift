import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Records suppressions inside a caller's transaction; one already recorded for the same rule, milestone, reason
    /// and day is kept and the new one ignored, so a suppression that lasts is logged once a day, not every tick.
    func insert(suppressions: [Suppression], _ db: Database) throws {
        guard !suppressions.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO suppressions (at, day, kind, rule, project_id, milestone_id, recipients, channels,
                reason_code, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for suppression in suppressions {
            try statement.execute(arguments: [
                suppression.at.timeIntervalSince1970, suppression.day.description, suppression.kind.rawValue,
                suppression.rule, suppression.projectID, suppression.milestoneID, try json(suppression.recipients),
                try json(suppression.channels), suppression.reasonCode, suppression.reason,
            ])
        }
    }

    /// A `suppressions` row.
    func suppression(from row: Row) throws -> Suppression {
        let kindText: String = row["kind"]
        guard let kind = MessageKind(rawValue: kindText) else {
            throw HeraldStoreError.corruptValue(column: "suppressions.kind", value: kindText)
        }
        return Suppression(
            at: Self.date(row, "at"), day: try Self.civilDate(row["day"], column: "suppressions.day"), kind: kind,
            rule: row["rule"], projectID: row["project_id"], milestoneID: row["milestone_id"],
            recipients: try decode([String].self, from: row["recipients"]),
            channels: try decode([String].self, from: row["channels"]), reasonCode: row["reason_code"],
            reason: row["reason"]
        )
    }
}
