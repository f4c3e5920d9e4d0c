import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Disables the channel of a delivery (unless it already is) and holds its waiting deliveries, inside `db`'s
    /// transaction.
    /// - Returns: The channel's new status when this call disabled it; nil when it was already disabled.
    func disableChannel(ofDelivery id: Int64, reason: String, at: Date, _ db: Database) throws -> ChannelStatus? {
        guard let channel = try String.fetchOne(
            db, sql: "SELECT channel FROM deliveries WHERE id = ?", arguments: [id]
        ) else { return nil }
        try db.execute(
            sql: "INSERT OR IGNORE INTO channels_disabled (channel, reason, disabled_at) VALUES (?, ?, ?)",
            arguments: [channel, reason, at.timeIntervalSince1970]
        )
        guard db.changesCount == 1 else { return nil }
        try db.execute(
            sql: """
                UPDATE deliveries SET state = 'held', lease_until = NULL, last_error = ?
                WHERE channel = ? AND state IN ('pending', 'retrying')
                """,
            arguments: [reason, channel]
        )
        return ChannelStatus(
            channel: channel, disabledReason: reason, disabledAt: at, heldCount: try heldCount(channel, db)
        )
    }

    private func heldCount(_ channel: String, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM deliveries WHERE channel = ? AND state = 'held'", arguments: [channel]
        ) ?? 0
    }

    /// Enables a disabled channel again and moves its held deliveries back to `pending`, due at `now` (or later, when
    /// a quiet-hours hold or a retry made them due later), with their message ids unchanged and their retries' age
    /// (`max_age`) counted from `now`. Works whether or not a daemon runs: its dispatcher leases them on its next
    /// round.
    /// - Returns: How many deliveries were released.
    @discardableResult
    public func enable(channel: String, now: Date) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM channels_disabled WHERE channel = ?", arguments: [channel])
            try db.execute(
                sql: """
                    UPDATE deliveries
                    SET state = 'pending', next_attempt_at = MAX(next_attempt_at, ?1), lease_until = NULL,
                        aged_from = ?1
                    WHERE channel = ?2 AND state = 'held'
                    """,
                arguments: [now.timeIntervalSince1970, channel]
            )
            return db.changesCount
        }
    }

    /// Every channel that is disabled or has held deliveries, by name.
    public func channelStatuses() throws -> [ChannelStatus] {
        try writer.read { db in
            var statuses: [String: ChannelStatus] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM channels_disabled") {
                let channel: String = row["channel"]
                statuses[channel] = ChannelStatus(
                    channel: channel, disabledReason: row["reason"], disabledAt: Self.date(row, "disabled_at")
                )
            }
            let counts = try Row.fetchAll(
                db, sql: "SELECT channel, COUNT(*) AS held FROM deliveries WHERE state = 'held' GROUP BY channel"
            )
            for row in counts {
                let channel: String = row["channel"]
                statuses[channel, default: ChannelStatus(channel: channel)].heldCount = row["held"]
            }
            return statuses.values.sorted { $0.channel < $1.channel }
        }
    }

    /// Records that no attempt goes to `channel` before `pause.until`, and why, replacing the channel's last pause:
    /// for `herald channels` and the dashboard, which read the store while the daemon keeps the pause in memory.
    public func pause(channel: String, _ pause: ChannelPause) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO channel_pauses (channel, until, reason) VALUES (?, ?, ?)",
                arguments: [channel, pause.until.timeIntervalSince1970, pause.reason]
            )
        }
    }

    /// The pauses in force at `now`, by channel.
    public func channelPauses(at now: Date) throws -> [String: ChannelPause] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM channel_pauses WHERE until > ?", arguments: [now.timeIntervalSince1970]
            )
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                (row["channel"], ChannelPause(until: Self.date(row, "until"), reason: row["reason"]))
            })
        }
    }

    /// Keeps leased deliveries from being leased again before their `until`, without counting an attempt: for
    /// deliveries the dispatcher leased but may not start yet (pacing, an open breaker).
    public func postpone(_ deliveries: [(id: Int64, until: Date)]) throws {
        guard !deliveries.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: "UPDATE deliveries SET lease_until = ? WHERE id = ?")
            for (id, until) in deliveries {
                try statement.execute(arguments: [until.timeIntervalSince1970, id])
            }
        }
    }
}
