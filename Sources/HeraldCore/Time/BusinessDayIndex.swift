/// A precomputed view of a calendar's workweek and holidays that counts business days in O(log h).
///
/// `count(through:)` is a running total of business days up to and including a day; the
/// difference of two totals is the number of business days between them.
struct BusinessDayIndex: Hashable, Sendable {
    /// Business days per full week.
    let perWeek: Int
    /// `prefix[i]` is the number of workdays among the first `i` weekdays (Monday first).
    let prefix: [Int]
    /// Whether each weekday (Monday first) is worked.
    let worked: [Bool]
    /// Day numbers of the holidays that fall on a workday, ascending.
    let holidays: [Int]

    /// Builds the index for a workweek and a set of holidays.
    init(workdays: Set<Weekday>, holidays: Set<CivilDate>) {
        let worked = Weekday.allCases.map { workdays.contains($0) }
        var prefix = [0]
        for isWorked in worked {
            prefix.append(prefix[prefix.count - 1] + (isWorked ? 1 : 0))
        }
        self.worked = worked
        self.prefix = prefix
        self.perWeek = prefix[7]
        self.holidays = holidays.filter { workdays.contains($0.weekday) }.map(\.dayNumber).sorted()
    }

    /// Monday-first index (0...6) of the weekday of `dayNumber`.
    @inline(__always)
    static func weekdayIndex(_ dayNumber: Int) -> Int {
        // 1970-01-01 (day 0) was a Thursday, index 3.
        ((dayNumber + 3) % 7 + 7) % 7
    }

    /// True when `dayNumber` is a workday and not a holiday.
    func isBusinessDay(_ dayNumber: Int) -> Bool {
        worked[Self.weekdayIndex(dayNumber)] && !isHoliday(dayNumber)
    }

    /// Business days up to and including `dayNumber`, counted from a fixed, arbitrary origin.
    @inline(__always)
    func count(through dayNumber: Int) -> Int {
        let shifted = dayNumber + 3 // a multiple of 7 is a Monday
        let week = shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        let weekday = shifted - week * 7
        return week * perWeek + prefix[weekday + 1] - holidaysThrough(dayNumber)
    }

    /// The number of holidays (on workdays) on or before `dayNumber`.
    @inline(__always)
    private func holidaysThrough(_ dayNumber: Int) -> Int {
        var low = 0
        var high = holidays.count
        while low < high {
            let mid = (low + high) >> 1
            if holidays[mid] <= dayNumber { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func isHoliday(_ dayNumber: Int) -> Bool {
        let through = holidaysThrough(dayNumber)
        return through > 0 && holidays[through - 1] == dayNumber
    }

    /// The first day in `range` whose running total reaches `target`; the total must reach it by the end.
    func firstDay(reaching target: Int, in range: ClosedRange<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = low + (high - low) / 2
            if count(through: mid) >= target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
