import Foundation

/// The timing of an escalation policy: when each level falls due, and when the last level repeats.
///
/// A level's `after` counts from the opening of the escalation. Hours and minutes (`4h`) are durations; days and
/// business days (`2d`, `1 business_day`) fall in the working time of the level's recipients: at the level's `at`
/// (default: the start of the calendar's hours) in each recipient's zone on the day they reach, moved to the next
/// business day when that is not one, at the earliest of the recipients' (the calendar's zone stands for a
/// recipient without one). Levels fall due in order; several due at once (after downtime) are all notified, none
/// skipped. Once every level is notified, the last repeats every `repeat_last_every` after the previous notice
/// (in its recipients' working time too when it counts days, at the start of hours), at most `max_repeats`
/// times; repeats missed during downtime collapse into one. A paused escalation (snoozed) has no level due; once
/// resumed, its levels and its next repeat fall due as much later as it stood still, so the next one comes after
/// the time that was left to it, one level at a time.
public struct EscalationLadder: Sendable {
    public let policy: EscalationPolicy
    let calendar: BusinessCalendar
    /// The zones of each level's recipients, by level; a level without any (or beyond the list) reads the
    /// calendar's zone.
    let zones: [[TimeZone]]

    /// Creates the ladder of `policy` on `calendar`, each level in the working time of `zones[level]`.
    public init(policy: EscalationPolicy, calendar: BusinessCalendar, zones: [[TimeZone]] = []) {
        self.policy = policy
        self.calendar = calendar
        self.zones = zones
    }

    /// The same ladder with each level in the working time of `zones[level]`: its recipients' zones.
    public func reading(zones: [[TimeZone]]) -> EscalationLadder {
        EscalationLadder(policy: policy, calendar: calendar, zones: zones)
    }

    /// `interval` after `instant` in the working time of level `index`'s recipients: the earliest of their zones.
    private func workingTime(
        _ interval: Interval, after instant: Date, at minuteOfDay: Int?, level index: Int
    ) -> Date {
        let levelZones = index < zones.count ? zones[index] : []
        guard !levelZones.isEmpty else { return calendar.workingTime(interval, after: instant, at: minuteOfDay) }
        return levelZones.map {
            calendar.reading(in: $0).workingTime(interval, after: instant, at: minuteOfDay)
        }.min()!
    }

    /// One notice the ladder asks for.
    public struct Rung: Hashable, Sendable {
        /// 0-based level index.
        public var level: Int
        public var isRepeat: Bool
        /// How many repeats of the last level came before it.
        public var priorRepeats: Int = 0
    }

    /// When level `index` (0-based) falls due for an escalation opened at `openedAt`.
    public func dueTime(ofLevel index: Int, openedAt: Date) -> Date {
        let level = policy.levels[index]
        return level.after.map { workingTime($0, after: openedAt, at: level.at, level: index) } ?? openedAt
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
            rungs.append(Rung(level: next, isRepeat: false, priorRepeats: record.repeats))
            next += 1
        }
        if rungs.isEmpty, let repeatAt = nextRepeat(record), repeatAt <= now {
            rungs.append(Rung(level: policy.levels.count - 1, isRepeat: true, priorRepeats: record.repeats))
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

    /// When the last level repeats, if it still may: later by the time its ladder stood still since its last
    /// notice.
    private func nextRepeat(_ record: EscalationRecord) -> Date? {
        guard !policy.levels.isEmpty, record.levelsNotified >= policy.levels.count,
              let every = policy.repeatLastEvery, let last = record.lastNotifiedAt,
              policy.maxRepeats.map({ record.repeats < $0 }) ?? true else { return nil }
        return workingTime(
            every, after: last.addingTimeInterval(record.repeatPausedFor), at: nil, level: policy.levels.count - 1
        )
    }
}
