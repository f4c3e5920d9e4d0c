import Foundation

/// One run of a digest, as the store keeps it: the period it stands for and the report it made.
public struct DigestRun: Hashable, Sendable {
    /// The digest's name.
    public var digest: String
    /// ``DigestSlot/period`` for a scheduled run, `manual:UNIX-SECONDS` for `herald digest send`.
    public var period: String
    /// The slot's instant; nil for a manual send.
    public var scheduledAt: Date?
    /// When it ran.
    public var runAt: Date
    public var report: DigestReport
    /// False when it was skipped because nothing changed (`skip_when_unchanged`).
    public var sent: Bool
    /// True when it replaced a run missed while the daemon was down.
    public var late: Bool

    /// Creates a run.
    public init(
        digest: String, period: String, scheduledAt: Date?, runAt: Date, report: DigestReport, sent: Bool, late: Bool
    ) {
        self.digest = digest
        self.period = period
        self.scheduledAt = scheduledAt
        self.runAt = runAt
        self.report = report
        self.sent = sent
        self.late = late
    }
}
