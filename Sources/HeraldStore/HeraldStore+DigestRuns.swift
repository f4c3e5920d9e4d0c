import Foundation
import GRDB
import HeraldCore

/// Where a digest stands before a run: since when it has had its schedule, its last scheduled run, and the report
/// its audience last received.
public struct DigestRunState: Hashable, Sendable {
    /// Since when the digest has had its current schedule (slots before are never due).
    public var trackedSince: Date
    /// The slot of its last scheduled run, sent or skipped.
    public var lastScheduledAt: Date?
    /// The last report actually sent (scheduled or manual), for the trend and "since".
    public var previous: DigestReport?
}

extension HeraldStore {
    /// The state of digest `name` whose schedule is `schedule` (the text and zone, as a key): the first time a
    /// digest is seen, or its schedule changes, it is tracked from `now`.
    public func digestRunState(name: String, schedule: String, at now: Date) throws -> DigestRunState {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO digest_schedules (digest, schedule, tracked_since) VALUES (?1, ?2, ?3)
                ON CONFLICT (digest) DO UPDATE SET schedule = ?2, tracked_since = ?3 WHERE schedule != ?2
                """, arguments: [name, schedule, now.timeIntervalSince1970])
            let since = try Double.fetchOne(
                db, sql: "SELECT tracked_since FROM digest_schedules WHERE digest = ?", arguments: [name]
            ) ?? now.timeIntervalSince1970
            let last = try Double.fetchOne(
                db, sql: "SELECT max(scheduled_at) FROM digest_runs WHERE digest = ?", arguments: [name]
            )
            let previous = try String.fetchOne(db, sql: """
                SELECT report FROM digest_runs WHERE digest = ? AND sent = 1 ORDER BY run_at DESC, id DESC LIMIT 1
                """, arguments: [name])
            return DigestRunState(
                trackedSince: Date(timeIntervalSince1970: since),
                lastScheduledAt: last.map(Date.init(timeIntervalSince1970:)),
                previous: try previous.map { try decode(DigestReport.self, from: $0) }
            )
        }
    }

    /// Records `run` and puts `messages` in the outbox, in one transaction. Returns false, writing nothing, when
    /// the digest already has a run for the period: a period runs once, whoever decided it twice.
    @discardableResult
    public func commit(digestRun run: DigestRun, messages: [OutgoingMessage]) throws -> Bool {
        let report = try json(run.report)
        let encoded = try encode(messages)
        return try writer.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO digest_runs (digest, period, scheduled_at, run_at, report, sent, late)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    run.digest, run.period, run.scheduledAt?.timeIntervalSince1970, run.runAt.timeIntervalSince1970,
                    report, run.sent, run.late,
                ])
            guard db.changesCount == 1 else { return false }
            try insert(ruleStates: [], messages: encoded, at: run.runAt, db)
            return true
        }
    }

    /// The runs of digest `name`, oldest first.
    public func digestRuns(name: String) throws -> [DigestRun] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM digest_runs WHERE digest = ? ORDER BY run_at, id", arguments: [name]
            ).map { row in
                DigestRun(
                    digest: row["digest"], period: row["period"], scheduledAt: Self.optionalDate(row, "scheduled_at"),
                    runAt: Self.date(row, "run_at"), report: try decode(DigestReport.self, from: row["report"]),
                    sent: row["sent"], late: row["late"]
                )
            }
        }
    }
}
