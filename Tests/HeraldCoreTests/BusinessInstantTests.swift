import Foundation
import Testing
@testable import HeraldCore

@Test(arguments: [
    ("2026-03-28T23:30:00Z", "2026-03-28"), // GMT
    ("2026-03-29T23:30:00Z", "2026-03-30"), // BST: already 00:30 on the 30th
    ("2026-10-25T00:30:00Z", "2026-10-25"),
])
func todayInZone(instant: String, expected: String) {
    #expect(london.today(at: utc(instant)) == day(expected))
}

@Test(arguments: [
    ("2026-07-01", 9 * 60, "2026-07-01T08:00:00Z"),
    ("2026-12-01", 9 * 60, "2026-12-01T09:00:00Z"),
    ("2026-03-29", 0, "2026-03-29T00:00:00Z"),
    ("2026-03-29", 60, "2026-03-29T01:00:00Z"), // 01:00 does not exist: 02:00 BST
    ("2026-03-29", 90, "2026-03-29T01:00:00Z"), // 01:30 does not exist: 02:00 BST
    ("2026-03-29", 120, "2026-03-29T01:00:00Z"),
    ("2026-03-29", 180, "2026-03-29T02:00:00Z"),
    ("2026-10-25", 30, "2026-10-24T23:30:00Z"),
    ("2026-10-25", 60, "2026-10-25T00:00:00Z"), // ambiguous: the first (BST) one
    ("2026-10-25", 90, "2026-10-25T00:30:00Z"),
    ("2026-10-25", 120, "2026-10-25T02:00:00Z"),
])
func instantOfWallTime(date: String, minute: Int, expected: String) {
    #expect(london.instant(of: day(date), minuteOfDay: minute) == utc(expected))
}

@Test func instantInAnotherZone() {
    let newYork = BusinessCalendar(timeZone: TimeZone(identifier: "America/New_York")!)
    // 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 moves to 03:00 EDT.
    #expect(newYork.instant(of: day("2026-03-08"), minuteOfDay: 150) == utc("2026-03-08T07:00:00Z"))
    #expect(newYork.instant(of: day("2026-12-04"), minuteOfDay: 9 * 60) == utc("2026-12-04T14:00:00Z"))
}

@Test(arguments: [
    ("2026-07-01T08:00:00Z", 540),
    ("2026-12-01T17:29:59Z", 17 * 60 + 29),
    ("2026-10-25T00:30:00Z", 90), // 01:30 BST
    ("2026-10-25T01:30:00Z", 90), // 01:30 GMT, the second time round
    ("2026-03-29T01:00:00Z", 120),
])
func minuteOfDay(instant: String, expected: Int) {
    #expect(london.minuteOfDay(utc(instant)) == expected)
}

@Test(arguments: [
    (Interval.minutes(90), "2026-03-29T00:30:00Z", "2026-03-29T02:00:00Z"),
    (.hours(24), "2026-03-28T09:00:00Z", "2026-03-29T09:00:00Z"), // absolute: 10:00 BST
    (.days(1), "2026-03-28T09:00:00Z", "2026-03-29T08:00:00Z"), // 09:00 GMT -> 09:00 BST, 23 hours
    (.days(1), "2026-10-24T08:00:00Z", "2026-10-25T09:00:00Z"), // 09:00 BST -> 09:00 GMT, 25 hours
    (.days(-1), "2026-03-30T08:00:00Z", "2026-03-29T08:00:00Z"),
    (.days(1), "2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z"), // 01:30 is skipped: 02:00 BST
    (.days(2), "2026-12-03T10:15:30Z", "2026-12-05T10:15:30Z"), // seconds kept
    (.businessDays(1), "2026-03-27T09:00:00Z", "2026-03-30T08:00:00Z"), // Fri 09:00 GMT -> Mon 09:00 BST
    (.businessDays(1), "2026-10-23T08:00:00Z", "2026-10-26T09:00:00Z"), // Fri 09:00 BST -> Mon 09:00 GMT
    (.businessDays(1), "2026-12-24T10:00:00Z", "2026-12-29T10:00:00Z"), // over both holidays
    (.businessDays(-1), "2026-12-29T10:00:00Z", "2026-12-24T10:00:00Z"),
])
func addingInterval(interval: Interval, from: String, expected: String) {
    #expect(london.adding(interval, to: utc(from)) == utc(expected))
}

@Test(arguments: [
    ("2026-12-03T10:00:00Z", "2026-12-03T10:00:00Z"), // inside hours
    ("2026-12-03T09:00:00Z", "2026-12-03T09:00:00Z"), // at the start
    ("2026-12-03T08:00:00Z", "2026-12-03T09:00:00Z"), // before the start
    ("2026-12-03T17:30:00Z", "2026-12-04T09:00:00Z"), // the end is exclusive
    ("2026-12-04T18:00:00Z", "2026-12-07T09:00:00Z"), // Friday evening
    ("2026-12-05T10:00:00Z", "2026-12-07T09:00:00Z"), // Saturday
    ("2026-12-24T18:00:00Z", "2026-12-29T09:00:00Z"), // over both holidays
    ("2026-12-25T10:00:00Z", "2026-12-29T09:00:00Z"), // on a holiday
    ("2026-03-27T18:00:00Z", "2026-03-30T08:00:00Z"), // into summer time: 09:00 BST
])
func nextWorkingInstant(instant: String, expected: String) {
    #expect(london.nextWorkingInstant(atOrAfter: utc(instant)) == utc(expected))
}
