import Foundation
import Testing
@testable import HeraldCore

@Test(arguments: [
    ("2026-11-30", "2026-12-04", 4), // Mon -> Fri
    ("2026-12-04", "2026-12-07", 1), // Fri -> Mon
    ("2026-12-04", "2026-12-05", 0), // Fri -> Sat
    ("2026-12-05", "2026-12-06", 0), // Sat -> Sun
    ("2026-12-05", "2026-12-07", 1), // Sat -> Mon
    ("2026-12-03", "2026-12-03", 0),
    ("2026-12-24", "2026-12-29", 1), // over both holidays and a weekend
    ("2026-12-23", "2026-12-31", 4),
    ("2026-12-24", "2026-12-25", 0), // onto a holiday
    ("2026-12-04", "2026-11-30", -4),
    ("2026-12-29", "2026-12-24", -1),
    ("2026-12-07", "2026-12-05", -1), // Mon -> Sat counts the Monday
    ("2026-12-06", "2026-12-04", 0), // Sun -> Fri: (Fri, Sun] holds no business day
    ("2026-01-01", "2027-01-01", 259), // 261 weekdays in (Jan 1, Jan 1], minus two holidays
    ("1969-12-26", "1970-01-09", 10), // across day 0
])
func businessDaysMondayToFriday(from: String, to: String, expected: Int) {
    #expect(london.businessDays(from: day(from), to: day(to)) == expected)
}

@Test(arguments: [
    ("2026-11-30", "2026-12-07", 2), // Sat 5 and Sun 6
    ("2026-12-04", "2026-12-05", 1),
    ("2026-12-21", "2027-01-04", 4), // Dec 26, 27; Jan 2, 3 (holidays fall on weekdays: ignored)
    ("2026-12-07", "2026-11-30", -2),
])
func businessDaysWeekendWorkweek(from: String, to: String, expected: Int) {
    #expect(weekendWorkers.businessDays(from: day(from), to: day(to)) == expected)
}

@Test(arguments: [
    ("2026-12-24", true), ("2026-12-25", false), ("2026-12-26", false), ("2026-12-28", false), ("2026-12-29", true),
])
func isBusinessDay(date: String, expected: Bool) {
    #expect(london.isBusinessDay(day(date)) == expected)
}

/// The brute-force count the arithmetic must agree with.
private func countByWalking(_ calendar: BusinessCalendar, from: CivilDate, to: CivilDate) -> Int {
    let (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1)
    var count = 0
    var date = low.adding(days: 1)
    while date <= high {
        if calendar.workdays.contains(date.weekday), !calendar.holidays.contains(date) { count += 1 }
        date = date.adding(days: 1)
    }
    return sign * count
}

@Test(arguments: [london, weekendWorkers, BusinessCalendar(timeZone: .gmt, workdays: [.tue, .thu, .sat])])
func businessDaysAgreeWithWalking(calendar: BusinessCalendar) {
    let start = day("2026-12-01")
    for from in 0..<40 {
        for to in 0..<40 {
            let a = start.adding(days: from)
            let b = start.adding(days: to)
            #expect(calendar.businessDays(from: a, to: b) == countByWalking(calendar, from: a, to: b))
        }
    }
}

@Test(arguments: [
    (1, "2026-12-04", "2026-12-07"),
    (-1, "2026-12-07", "2026-12-04"),
    (1, "2026-12-24", "2026-12-29"),
    (-1, "2026-12-29", "2026-12-24"),
    (3, "2026-12-23", "2026-12-30"),
    (5, "2026-11-30", "2026-12-07"),
    (-5, "2026-12-07", "2026-11-30"),
    (0, "2026-12-05", "2026-12-05"),
    (1, "2026-12-05", "2026-12-07"), // from a Saturday
    (-1, "2026-12-05", "2026-12-04"),
    (1, "2026-12-25", "2026-12-29"), // from a holiday
    (250, "2026-01-01", "2026-12-17"),
])
func addingBusinessDays(n: Int, from: String, expected: String) {
    #expect(london.addingBusinessDays(n, to: day(from)) == day(expected))
}

@Test func addingBusinessDaysOnWeekendWorkweek() {
    #expect(weekendWorkers.addingBusinessDays(1, to: day("2026-12-06")) == day("2026-12-12"))
    #expect(weekendWorkers.addingBusinessDays(-1, to: day("2026-12-12")) == day("2026-12-06"))
}

@Test(arguments: [london, weekendWorkers])
func addingBusinessDaysInvertsCounting(calendar: BusinessCalendar) {
    let start = day("2026-12-01")
    for offset in 0..<35 {
        let date = start.adding(days: offset)
        for n in -12...12 where n != 0 {
            let result = calendar.addingBusinessDays(n, to: date)
            #expect(calendar.isBusinessDay(result))
            if n > 0 || calendar.isBusinessDay(date) {
                #expect(calendar.businessDays(from: date, to: result) == n, "\(date) \(n)")
            }
        }
    }
}

@Test func calendarWithoutWorkdays() {
    let idle = BusinessCalendar(timeZone: .gmt, workdays: [])
    #expect(idle.businessDays(from: day("2026-01-01"), to: day("2026-12-31")) == 0)
    #expect(idle.addingBusinessDays(3, to: day("2026-12-01")) == day("2026-12-01"))
}

@Test func editingHolidaysUpdatesCounts() {
    var calendar = london
    #expect(calendar.businessDays(from: day("2026-12-28"), to: day("2026-12-31")) == 3)
    calendar.holidays.insert(day("2026-12-31"))
    #expect(calendar.businessDays(from: day("2026-12-28"), to: day("2026-12-31")) == 2)
    calendar.workdays.insert(.sat)
    #expect(calendar.businessDays(from: day("2026-12-04"), to: day("2026-12-07")) == 2)
}
