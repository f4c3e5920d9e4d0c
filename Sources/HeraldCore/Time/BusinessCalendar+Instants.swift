import Foundation

extension BusinessCalendar {
    /// The instant at which the wall clock in the calendar's zone shows `minuteOfDay` on `date`.
    ///
    /// A wall time skipped by a spring-forward change (01:30 on a day clocks go from 01:00 to
    /// 02:00) gives the first instant after the gap (02:00 new time); a wall time that occurs
    /// twice in a fall-back change gives the first (earlier) of the two instants.
    /// `minuteOfDay` is in `0..<1440`.
    public func instant(of date: CivilDate, minuteOfDay: Int) -> Date {
        instant(of: date, secondOfDay: minuteOfDay * 60)
    }

    /// Minutes after local midnight of `instant` in the calendar's zone (`0..<1440`).
    public func minuteOfDay(_ instant: Date) -> Int {
        secondOfDay(instant) / 60
    }

    /// `instant` moved by `interval`.
    ///
    /// Minutes and hours are absolute durations. Days keep the local wall time (so a day across a
    /// DST change is 23 or 25 hours long); business days keep the local wall time on the n-th
    /// following business day (preceding when negative). A wall time that does not exist on the
    /// target day moves forward past the gap.
    public func adding(_ interval: Interval, to instant: Date) -> Date {
        switch interval {
        case .minutes(let n):
            return instant.addingTimeInterval(Double(n) * 60)
        case .hours(let n):
            return instant.addingTimeInterval(Double(n) * 3600)
        case .days(let n):
            return sameWallTime(as: instant, on: today(at: instant).adding(days: n))
        case .businessDays(let n):
            return sameWallTime(as: instant, on: addingBusinessDays(n, to: today(at: instant)))
        }
    }

    /// The first instant at or after `instant` inside working hours on a business day.
    ///
    /// `instant` itself when it lies on a business day inside `hours`; the start of `hours` that
    /// day when it is a business day and `instant` is earlier; otherwise the start of `hours` on
    /// the next business day. A calendar without workdays returns `instant`.
    public func nextWorkingInstant(atOrAfter instant: Date) -> Date {
        let date = today(at: instant)
        if isBusinessDay(date) {
            let minute = minuteOfDay(instant)
            if hours.contains(minuteOfDay: minute) { return instant }
            if minute < hours.start { return self.instant(of: date, minuteOfDay: hours.start) }
        }
        guard dayIndex.perWeek > 0 else { return instant }
        return self.instant(of: addingBusinessDays(1, to: date), minuteOfDay: hours.start)
    }

    /// Seconds after local midnight of `instant` in the calendar's zone.
    private func secondOfDay(_ instant: Date) -> Int {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        let seconds = Int(local.rounded(.down))
        return ((seconds % 86_400) + 86_400) % 86_400
    }

    /// The instant showing the same wall time (to the sub-second) as `instant`, on `date`.
    private func sameWallTime(as instant: Date, on date: CivilDate) -> Date {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        let fraction = local - local.rounded(.down)
        return self.instant(of: date, secondOfDay: secondOfDay(instant)).addingTimeInterval(fraction)
    }

    /// The wall time `secondOfDay` on `date`, DST-resolved as `instant(of:minuteOfDay:)` documents.
    private func instant(of date: CivilDate, secondOfDay: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, day) = date.components
        let clamped = min(max(secondOfDay, 0), 86_399)
        guard let midnight = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let result = calendar.date(
                  bySettingHour: clamped / 3600, minute: clamped / 60 % 60, second: clamped % 60, of: midnight,
                  matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .forward
              )
        else {
            // Not expected for real zones; fall back to the offset at UTC noon of that day.
            let noon = Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 + 43_200))
            let utcSeconds = date.dayNumber * 86_400 + clamped - timeZone.secondsFromGMT(for: noon)
            return Date(timeIntervalSince1970: Double(utcSeconds))
        }
        return result
    }
}

extension BusinessCalendar {
    /// A short local form of `instant` for message text, such as `Mon 30 Nov 09:00`, with the year
    /// (`Mon 30 Nov 2026 09:00`) when it is not the year of `today` (when given).
    public func shortDisplay(_ instant: Date, today reference: CivilDate? = nil) -> String {
        let minute = minuteOfDay(instant)
        let (h, m) = (minute / 60, minute % 60)
        let day = today(at: instant)
        return day.display(today: reference ?? day) + " " + (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "")
            + "\(m)"
    }
}
