import Foundation

/// A digest run that has fallen due: the slot it stands for, and whether it goes late.
public struct DigestDueRun: Hashable, Sendable {
    public var slot: DigestSlot
    /// True when it goes more than ``DigestSchedule/lateAfter`` after its slot: the daemon was down (or stopped)
    /// at the scheduled time.
    public var late: Bool

    /// Creates a due run.
    public init(slot: DigestSlot, late: Bool) {
        self.slot = slot
        self.late = late
    }
}

extension DigestSchedule {
    /// How long after its slot a run still counts as on time. The scheduler wakes at each slot, so only a daemon
    /// that was not running then (or a clock jump) sends later than this.
    public static let lateAfter: TimeInterval = 15 * 60

    /// The run due at `now`, if any: the latest slot at or before `now`, unless it lies before `trackedSince` (the
    /// digest or its schedule is newer than the slot) or at or before `lastScheduled` (the slot of the last run).
    ///
    /// The missed-run rule: when the daemon was down across several slots, only the latest is due, once, late;
    /// the earlier ones are not sent at all. The caller records the run under ``DigestSlot/period`` in the same
    /// transaction as its messages, so a period never runs twice, across restarts too.
    public func due(at now: Date, in zone: TimeZone, trackedSince: Date, lastScheduled: Date?) -> DigestDueRun? {
        guard let slot = latest(atOrBefore: now, in: zone), slot.instant >= trackedSince else { return nil }
        if let lastScheduled, slot.instant <= lastScheduled { return nil }
        return DigestDueRun(slot: slot, late: now.timeIntervalSince(slot.instant) > Self.lateAfter)
    }
}
