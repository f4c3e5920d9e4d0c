import Foundation
import GRDB

extension HeraldStore {
    /// Stores a dashboard session, named by `digest` (a digest of its random id, never the id), open from `now` until
    /// `expires`; forgets the sessions that expired before `now`.
    public func openDashboardSession(digest: String, at now: Date, expires: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM dashboard_sessions WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970]
            )
            try db.execute(
                sql: "INSERT INTO dashboard_sessions (id_digest, created_at, expires_at) VALUES (?, ?, ?)",
                arguments: [digest, now.timeIntervalSince1970, expires.timeIntervalSince1970]
            )
        }
    }

    /// Whether the session `digest` is stored and still open at `now`.
    public func isDashboardSessionOpen(digest: String, at now: Date) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM dashboard_sessions WHERE id_digest = ? AND expires_at > ?)",
                arguments: [digest, now.timeIntervalSince1970]
            ) ?? false
        }
    }

    /// Ends the session `digest` (logout): it opens nothing from now on.
    public func closeDashboardSession(digest: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM dashboard_sessions WHERE id_digest = ?", arguments: [digest])
        }
    }
}
