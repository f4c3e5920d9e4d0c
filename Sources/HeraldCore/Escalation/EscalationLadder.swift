import Foundation

/// The timing of an escalation policy: when each level falls due, and when the last level repeats.
///
/// A level's `after` counts from the opening of the escalation. Hours and minutes (`4h`) are durations; days and
/// business days (`2d`, `1 business_day`) fall in working time, at the level's `at` (default: the start of the
/// calendar's hours, in its zone) on the day they reach, moved to the next business day when that is not one.
/// Levels fall due in order; several due at once (after downtime) are all notified, none skipped. Once every
/// level is notified, the last repeats every `repeat_last_every` after the previous notice (in working time too
/// when it counts days, at the start of hours), at most `max_repeats` times; repeats missed during downtime
/// collapse into one. A paused escalation (snoozed) has no level due; once resumed, its levels fall due as much
/// later as it stood still, so the next level comes after the time that was left to it, one level at a time.
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
        let level = policy.levels[index]
        return level.after.map { calendar.workingTime($0, after: openedAt, at: level.at) } ?? openedAt
    }

    /// When level `index` (0-based) falls due for `record`, later by the time its ladder stood still.
    func dueTime(ofLevel index: Int, of record: EscalationRecord) -> Date {
        dueTime(ofLevel: index, openedAt: record.openedAt.addingTimeInterval(record.pausedFor))
    }

    /// The notices due at `now` for `record`: the levels not yet notified whose time has come, else a repeat of
    /// the last level when it is due. Empty when nothing is due, or while the ladder is paused.
    public func due(_ record: EscalationRecord, now: Date) -> [Rung] {
        guard record.pausedAt == nil else { return [] }
        var rungs: [Rung] = []
        var next = record.levelsNotified
        while next < policy.levels.count, dueTime(ofLevel: next, of: record) <= now {
            rungs.append(Rung(level: next, isRepeat: false))
            next += 1
        }
        if rungs.isEmpty, let repeatAt = nextRepeat(record), repeatAt <= now {
            rungs.append(Rung(level: policy.levels.count - 1, isRepeat: true))
        }
        return rungs
    }

    /// When the next level or repeat falls due; nil once the ladder is spent, or while it is paused.
    public func nextTime(_ record: EscalationRecord) -> Date? {
        guard record.pausedAt == nil else { return nil }
        if record.levelsNotified < policy.levels.count {
            return dueTime(ofLevel: record.levelsNotified, of: record)
        }
        return nextRepeat(record)
    }

    /// When the last level repeats, if it still may.
    private func nextRepeat(_ record: EscalationRecord) -> Date? {
        guard !policy.levels.isEmpty, record.levelsNotified >= policy.levels.count,
              let every = policy.repeatLastEvery, let last = record.lastNotifiedAt,
              policy.maxRepeats.map({ record.repeats < $0 }) ?? true else { return nil }
        return calendar.workingTime(every, after: last)
    }
}
