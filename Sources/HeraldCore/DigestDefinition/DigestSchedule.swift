import Foundation

/// When a digest runs: a set of wall-clock times on a set of days, read in the digest's zone.
///
/// Parsed from the readable forms (`mon 09:00`, `mon,thu 09:00`, `daily 07:00`, `weekdays 08:30`,
/// `1st mon of month 10:00`, `last fri of month 16:00`) or a 5-field cron expression (`30 8 * * 1-5`); see
/// `init(parsing:)`. A wall time skipped by a spring-forward change runs at the first instant after the gap; one
/// that occurs twice in a fall-back change runs once, at the first of the two instants.
public struct DigestSchedule: Hashable, Sendable {
    /// Minutes past the hour, ascending.
    public var minutes: [Int]
    /// Hours of the day, ascending.
    public var hours: [Int]
    /// The days it runs on.
    public var days: Days

    /// The days a schedule runs on.
    public enum Days: Hashable, Sendable {
        /// Cron's day rule: the month must match; then a day matches its day-of-month list or its weekday list when
        /// both are restricted (cron's "or"), else whichever is restricted, else every day. Nil means `*`.
        case cron(monthDays: Set<Int>?, months: Set<Int>, weekdays: Set<Weekday>?)
        /// The `ordinal`-th `weekday` of each month (1...5), or the last one when `ordinal` is -1.
        case nthWeekday(ordinal: Int, weekday: Weekday)
    }

    /// Creates a schedule; `minutes` and `hours` are sorted.
    public init(minutes: [Int], hours: [Int], days: Days) {
        self.minutes = minutes.sorted()
        self.hours = hours.sorted()
        self.days = days
    }

    /// Whether it runs on `date`.
    public func runs(on date: CivilDate) -> Bool {
        switch days {
        case .cron(let monthDays, let months, let weekdays):
            let (_, month, day) = date.components
            guard months.contains(month) else { return false }
            switch (monthDays, weekdays) {
            case (let monthDays?, let weekdays?): return monthDays.contains(day) || weekdays.contains(date.weekday)
            case (let monthDays?, nil): return monthDays.contains(day)
            case (nil, let weekdays?): return weekdays.contains(date.weekday)
            case (nil, nil): return true
            }
        case .nthWeekday(let ordinal, let weekday):
            guard date.weekday == weekday else { return false }
            let (_, month, day) = date.components
            if ordinal == -1 { return date.adding(days: 7).components.month != month }
            return (day - 1) / 7 + 1 == ordinal
        }
    }

    /// The minutes of the day it runs at, ascending.
    public var minutesOfDay: [Int] {
        hours.flatMap { hour in minutes.map { hour * 60 + $0 } }
    }
}
