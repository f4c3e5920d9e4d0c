import Foundation

extension BusinessCalendar {
    /// True when `date` is a workday and not a holiday.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        dayIndex.isBusinessDay(date.dayNumber)
    }

    /// Signed count of business days between two dates.
    ///
    /// When `to` is later, the business days in `(from, to]`; when earlier, minus the business days
    /// in `(to, from]`; zero when equal. Mon → Fri of one week is 4, Fri → the next Mon is 1.
    /// Constant time in the range's length, logarithmic in the number of holidays.
    public func businessDays(from: CivilDate, to: CivilDate) -> Int {
        dayIndex.count(through: to.dayNumber) - dayIndex.count(through: from.dayNumber)
    }

    /// The date `n` business days after `date` (before it when `n` is negative).
    ///
    /// For `n != 0` the result is always a business day: `n = 1` from a Friday is the next
    /// Monday, `n = -1` from a Monday the previous Friday. `n = 0` returns `date` unchanged,
    /// even when it is not a business day. A calendar without workdays returns `date`.
    public func addingBusinessDays(_ n: Int, to date: CivilDate) -> CivilDate {
        let index = dayIndex
        guard n != 0, index.perWeek > 0 else { return date }
        let day = date.dayNumber
        // Enough whole weeks to hold |n| business days even if every holiday falls inside them.
        let weeks = (abs(n) + index.holidays.count + index.perWeek - 1) / index.perWeek + 1
        if n > 0 {
            let target = index.count(through: day) + n
            return CivilDate(dayNumber: index.firstDay(reaching: target, in: (day + 1)...(day + weeks * 7)))
        } else {
            let target = index.count(through: day - 1) + n + 1
            return CivilDate(dayNumber: index.firstDay(reaching: target, in: (day - weeks * 7)...(day - 1)))
        }
    }

    /// The date of `now` in the calendar's zone.
    public func today(at now: Date) -> CivilDate {
        CivilDate(now, in: timeZone)
    }
}
