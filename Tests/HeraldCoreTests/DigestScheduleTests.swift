import Foundation
import Testing
@testable import HeraldCore

/// Thursday 26 Nov 2026, 12:00 in London (GMT, so UTC).
private let thursdayNoon = utc("2026-11-26T12:00:00Z")
private let londonZone = TimeZone(identifier: "Europe/London")!
private let newYorkZone = TimeZone(identifier: "America/New_York")!

private func schedule(_ text: String) throws -> DigestSchedule {
    try DigestSchedule(parsing: text)
}

@Test(arguments: [
    ("mon 09:00", "2026-11-30T09:00:00Z"),
    ("Monday 9:00", "2026-11-30T09:00:00Z"),
    ("weekdays 08:30", "2026-11-27T08:30:00Z"),
    ("daily 07:00", "2026-11-27T07:00:00Z"),
    ("weekends 10:00", "2026-11-28T10:00:00Z"),
    ("mon,thu 13:00", "2026-11-26T13:00:00Z"),
    ("thu 12:00", "2026-12-03T12:00:00Z"), // strictly after: today's 12:00 has begun
    ("1st mon of month 10:00", "2026-12-07T10:00:00Z"), // 1 Dec is a Tuesday
    ("last fri of month 16:00", "2026-11-27T16:00:00Z"),
    ("5th sun of month 09:00", "2026-11-29T09:00:00Z"),
    ("5th mon of month 09:00", "2026-11-30T09:00:00Z"),
    ("2nd wed of month 09:00", "2026-12-09T09:00:00Z"),
])
func readableScheduleNextRun(text: String, expected: String) throws {
    #expect(try schedule(text).next(after: thursdayNoon, in: londonZone)?.instant == utc(expected))
}

@Test(arguments: [
    ("0 9 * * 1", "2026-11-30T09:00:00Z"),
    ("30 8 * * mon-fri", "2026-11-27T08:30:00Z"),
    ("*/15 * * * *", "2026-11-26T12:15:00Z"),
    ("0 0 1 * *", "2026-12-01T00:00:00Z"),
    ("0 12 25 dec *", "2026-12-25T12:00:00Z"),
    ("0 9 1 * mon", "2026-11-30T09:00:00Z"), // both day fields restricted: either matches
    ("0 9 29 2 *", "2028-02-29T09:00:00Z"),
    ("0 18 * * 7", "2026-11-29T18:00:00Z"), // 7 is Sunday, as 0 is
    ("5 4 * * sun", "2026-11-29T04:05:00Z"),
    ("0 22 * * 1-5/2", "2026-11-27T22:00:00Z"), // mon, wed, fri
    ("0 10-12 * * *", "2026-11-27T10:00:00Z"),
    ("0 9/4 * * *", "2026-11-26T13:00:00Z"), // 9, 13, 17, 21
    ("0,30 12 * * *", "2026-11-26T12:30:00Z"),
    ("0 9 * * *", "2026-11-27T09:00:00Z"),
])
func cronNextRun(text: String, expected: String) throws {
    #expect(try schedule(text).next(after: thursdayNoon, in: londonZone)?.instant == utc(expected))
}

@Test func readableFormsMeanTheirCronEquivalents() throws {
    #expect(try schedule("mon 09:00") == schedule("0 9 * * 1"))
    #expect(try schedule("weekdays 08:30") == schedule("30 8 * * 1-5"))
    #expect(try schedule("daily 07:00") == schedule("0 7 * * *"))
    #expect(try schedule("mon,wed 10:15") == schedule("15 10 * * mon,wed"))
}

@Test(arguments: [
    ("mon", 1, "expected a schedule such as"),
    ("every monday at 9", 1, "expected a schedule such as"),
    ("mnd 09:00", 1, "unknown day 'mnd'"),
    ("mon,thx 09:00", 5, "unknown day 'thx'"),
    ("mon 9am", 5, "expected a time HH:MM, not '9am'"),
    ("mon 24:00", 5, "expected a time HH:MM, not '24:00'"),
    ("mon 09:60", 5, "expected a time HH:MM"),
    ("6th mon of month 10:00", 1, "expected 1st, 2nd, 3rd, 4th, 5th or last, not '6th'"),
    ("1st mon of year 10:00", 12, "expected 'month', not 'year'"),
    ("1st xyz of month 10:00", 5, "unknown day 'xyz'"),
    ("60 * * * *", 1, "60 is outside 0-59 in the minute field"),
    ("0 24 * * *", 3, "24 is outside 0-23 in the hour field"),
    ("0 9 * * 1,8", 11, "8 is outside 0-7 in the day of week field"),
    ("0 9 * foo *", 7, "'foo' is not a value in the month field"),
    ("*/0 * * * *", 1, "'0' is not a step in the minute field"),
    ("0 17-9 * * *", 3, "the range 17-9 runs backwards in the hour field"),
    ("0 9 31 2 *", 5, "no month has day 31"),
    ("0 9 0 * *", 5, "0 is outside 1-31 in the day of month field"),
])
func badSchedulesNameTheColumn(text: String, column: Int, message: String) {
    let error = #expect(throws: DigestScheduleError.self) { try DigestSchedule(parsing: text) }
    #expect(error?.column == column)
    #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
}

/// DST: a wall time skipped by spring-forward runs when the gap ends; one that occurs twice runs once, the first
/// time; a weekly wall time keeps its local time across the change.
@Test(arguments: [
    // London, 29 Mar 2026: 01:00 GMT -> 02:00 BST.
    ("daily 01:30", londonZone, "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z"),
    ("daily 01:30", londonZone, "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"),
    // London, 25 Oct 2026: 02:00 BST -> 01:00 GMT; 01:30 happens twice.
    ("sun 01:30", londonZone, "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z"),
    ("sun 01:30", londonZone, "2026-10-25T00:30:00Z", "2026-11-01T01:30:00Z"),
    ("mon 09:00", londonZone, "2026-10-20T12:00:00Z", "2026-10-26T09:00:00Z"),
    ("mon 09:00", londonZone, "2026-03-25T12:00:00Z", "2026-03-30T08:00:00Z"),
    // New York, 8 Mar 2026: 02:00 EST -> 03:00 EDT.
    ("weekdays 08:30", newYorkZone, "2026-03-06T00:00:00Z", "2026-03-06T13:30:00Z"),
    ("weekdays 08:30", newYorkZone, "2026-03-07T00:00:00Z", "2026-03-09T12:30:00Z"),
    ("30 2 * * *", newYorkZone, "2026-03-08T00:00:00Z", "2026-03-08T07:00:00Z"),
    // New York, 1 Nov 2026: 02:00 EDT -> 01:00 EST.
    ("30 1 * * *", newYorkZone, "2026-11-01T00:00:00Z", "2026-11-01T05:30:00Z"),
    ("30 1 * * *", newYorkZone, "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"),
])
func schedulesAcrossDaylightSavingChanges(text: String, zone: TimeZone, after: String, expected: String) throws {
    #expect(try schedule(text).next(after: utc(after), in: zone)?.instant == utc(expected))
}

/// Over a year with both changes, every day's 01:30 (in the spring gap on one day, twice on another) runs exactly
/// once, in order, each slot a distinct period.
@Test func everyPeriodOfAYearRunsOnceInOrder() throws {
    let daily = try schedule("daily 01:30")
    var time = utc("2025-12-31T12:00:00Z")
    var periods: [String] = []
    while let slot = daily.next(after: time, in: londonZone), slot.instant < utc("2026-12-31T12:00:00Z") {
        #expect(slot.instant > time)
        periods.append(slot.period)
        time = slot.instant
    }
    #expect(periods.count == 365)
    #expect(Set(periods).count == 365)
    #expect(periods.first == "2026-01-01T01:30")
    #expect(periods.contains("2026-03-29T01:30"))
}

@Test func latestSlotAtOrBeforeATime() throws {
    let weekly = try schedule("mon 09:00")
    let slot = try #require(weekly.latest(atOrBefore: thursdayNoon, in: londonZone))
    #expect(slot.instant == utc("2026-11-23T09:00:00Z"))
    #expect(slot.period == "2026-11-23T09:00")
    #expect(weekly.latest(atOrBefore: utc("2026-11-23T09:00:00Z"), in: londonZone)?.period == "2026-11-23T09:00")
    #expect(weekly.latest(atOrBefore: utc("2026-11-23T08:59:59Z"), in: londonZone)?.period == "2026-11-16T09:00")
    // The ambiguous 01:30 of 25 Oct is its first instant, so it is already the latest slot by then.
    let sunday = try schedule("sun 01:30")
    #expect(sunday.latest(atOrBefore: utc("2026-10-25T01:00:00Z"), in: londonZone)?.instant
        == utc("2026-10-25T00:30:00Z"))
}

/// The missed-run rule, as a pure function of the time, since when the digest is tracked, and its last run.
@Test(arguments: [
    // (now, tracked since, last scheduled run, expected period, expected late)
    ("2026-11-30T09:00:00Z", "2026-11-01T00:00:00Z", nil, "2026-11-30T09:00", false), // at its slot
    ("2026-11-30T09:00:40Z", "2026-11-01T00:00:00Z", "2026-11-23T09:00:00Z", "2026-11-30T09:00", false),
    ("2026-11-30T09:00:40Z", "2026-11-01T00:00:00Z", "2026-11-30T09:00:00Z", nil, false), // already run
    ("2026-11-30T08:59:00Z", "2026-11-01T00:00:00Z", "2026-11-23T09:00:00Z", nil, false), // not yet
    ("2026-11-30T12:00:00Z", "2026-11-01T00:00:00Z", "2026-11-23T09:00:00Z", "2026-11-30T09:00", true), // down
    // Down for three weeks: only the latest missed period goes, late.
    ("2026-12-17T10:00:00Z", "2026-11-01T00:00:00Z", "2026-11-23T09:00:00Z", "2026-12-14T09:00", true),
    // A digest first seen after its latest slot waits for the next one.
    ("2026-11-26T12:00:00Z", "2026-11-26T11:00:00Z", nil, nil, false),
])
func missedRunRule(now: String, since: String, last: String?, period: String?, late: Bool) throws {
    let due = try schedule("mon 09:00").due(
        at: utc(now), in: londonZone, trackedSince: utc(since), lastScheduled: last.map(utc)
    )
    #expect(due?.slot.period == period)
    if period != nil { #expect(due?.late == late) }
}
