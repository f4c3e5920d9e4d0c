import Foundation

extension BusinessCalendar {
    /// When something repeated `interval` after `instant` falls: in working time for day-long intervals.
    ///
    /// Minutes and hours are plain durations, as in `adding(_:to:)`. Days and business days fall at `minuteOfDay`
    /// (default: the start of `hours`) on the date they reach in the calendar's zone, or on the next business day
    /// when that date is not one, never at the wall-clock time of `instant`: a reminder first sent at 18:36 repeats
    /// at 09:00. A calendar without workdays keeps the date it reaches.
    public func workingTime(_ interval: Interval, after instant: Date, at minuteOfDay: Int? = nil) -> Date {
        let date: CivilDate
        switch interval {
        case .minutes, .hours: return adding(interval, to: instant)
        case .days(let n): date = today(at: instant).adding(days: n)
        case .businessDays(let n): date = addingBusinessDays(n, to: today(at: instant))
        }
        let workday = isBusinessDay(date) ? date : addingBusinessDays(1, to: date)
        return self.instant(of: workday, minuteOfDay: minuteOfDay ?? hours.start)
    }

    /// The same calendar read in `zone` (a person's or a channel's); unchanged when `zone` is nil.
    public func reading(in zone: TimeZone?) -> BusinessCalendar {
        var zoned = self
        zoned.timeZone = zone ?? timeZone
        return zoned
    }
}
