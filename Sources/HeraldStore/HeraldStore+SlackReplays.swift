import Foundation
import GRDB

extension HeraldStore {
    /// Records the Slack request signature `signature`, whose request may be accepted until `acceptedUntil`, and
    /// returns true the first time it is offered, false for a replay: kept in the store, so a restart does not
    /// forget it. Forgets the signatures whose requests expired before `now`.
    public func isFirstSight(ofSlackSignature signature: String, acceptedUntil: Date, now: Date) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM slack_replays WHERE expires_at < ?", arguments: [now.timeIntervalSince1970]
            )
            try db.execute(
                sql: "INSERT OR IGNORE INTO slack_replays (signature, expires_at) VALUES (?, ?)",
                arguments: [signature, acceptedUntil.timeIntervalSince1970]
            )
            return db.changesCount == 1
        }
    }
}
