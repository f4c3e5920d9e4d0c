import Foundation

/// The timing of an escalation policy: when each level falls due, and when the last level repeats.
///
/// A level's `after` counts from the opening of the escalation, in calendar time (`4h`, `2d`) or business
/// time (`1 business_day` keeps the wall-clock time on the next business day, skipping weekends and holidays).
/// Levels fall due in order; several due at once (after downtime) are all notified, none skipped. Once every
/// level is notified, the last repeats every `repeat_last_every` after the previous notice, at most
/// `max_repeats` times; repeats missed during downtime collapse into one.
public struct EscalationLadder: Sendable {
    public let policy: EscalationPolicy
    let calendar: BusinessCalendar

    /// Creates the ladder of `policy` on `calendar`.
    public init(policy: EscalationPolicy, calendar: BusinessCalendar) {
        self.policy = policy
        self.calendar = calendar
    }

    /// One notice the ladder asks for.
    public struct Rung: Hashable, Sendable {
        /// 0-based level index.
        public var level: Int
        public var isRepeat: Bool
    }

    /// When level `index` (0-based) falls due for an escalation opened at `openedAt`.
    public func dueTime(ofLevel index: Int, openedAt: Date) -> Date {
        policy.levels[index].after.map { calendar.adding($0, to: openedAt) } ?? openedAt
    }

    /// The notices due at `now` for `record`: the levels not yet notified whose time has come, else a repeat of
    /// the last level when it is due. Empty when nothing is due.
    public func due(_ record: EscalationRecord, now: Date) -> [Rung] {
        var rungs: [Rung] = []
        var next = record.levelsNotified
        while next < policy.levels.count, dueTime(ofLevel: next, openedAt: record.openedAt) <= now {
            rungs.append(Rung(level: next, isRepeat: false))
            next += 1
        }
        if rungs.isEmpty, let repeatAt = nextRepeat(record), repeatAt <= now {
            rungs.append(Rung(level: policy.levels.count - 1, isRepeat: true))
        }
        return rungs
    }

    /// When the next level or repeat falls due; nil once the ladder is spent.
    public func nextTime(_ record: EscalationRecord) -> Date? {
        if record.levelsNotified < policy.levels.count {
            return dueTime(ofLevel: record.levelsNotified, openedAt: record.openedAt)
        }
        return nextRepeat(record)
    }

    /// When the last level repeats, if it still may.
    private func nextRepeat(_ record: EscalationRecord) -> Date? {
        guard !policy.levels.isEmpty, record.levelsNotified >= policy.levels.count,
              let every = policy.repeatLastEvery, let last = record.lastNotifiedAt,
              policy.maxRepeats.map({ record.repeats < $0 }) ?? true else { return nil }
        return calendar.adding(every, to: last)
    }
}
