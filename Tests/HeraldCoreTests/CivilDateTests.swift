import Foundation
import Testing
@testable import HeraldCore

@Test(arguments: [
    ("1970-01-01", 0, Weekday.thu),
    ("2026-11-26", 20_783, Weekday.thu),
    ("2026-12-04", 20_791, Weekday.fri),
    ("2024-02-29", 19_782, Weekday.thu),
    ("1969-12-31", -1, Weekday.wed),
])
func civilDateRoundTrips(text: String, dayNumber: Int, weekday: Weekday) throws {
    let date = try #require(CivilDate(iso: text))
    #expect(date.dayNumber == dayNumber)
    #expect(date.weekday == weekday)
    #expect(date.description == text)
}

@Test(arguments: ["2026-02-30", "2026-13-01", "26-12-04", "2026-12-4", "2026/12/04", ""])
func civilDateRejects(text: String) {
    #expect(CivilDate(iso: text) == nil)
}

@Test func civilDateFromInstantUsesZone() throws {
    let instant = Date(timeIntervalSince1970: 1_796_000_000) // 2026-11-30T... UTC
    let utc = CivilDate(instant, in: TimeZone(identifier: "UTC")!)
    let tokyo = CivilDate(instant, in: TimeZone(identifier: "Asia/Tokyo")!)
    #expect(tokyo.dayNumber - utc.dayNumber <= 1)
    #expect(CivilDate(iso: "2026-12-04")!.shortDisplay == "Fri 4 Dec")
}

/// A human date names its year when it is not the current one: `Thu 3 Dec` this year, `Fri 3 Dec 2027` another.
@Test(arguments: [
    ("2026-12-03", "2026-12-01", "Thu 3 Dec"),
    ("2027-12-03", "2026-12-01", "Fri 3 Dec 2027"),
    ("2027-01-04", "2026-12-30", "Mon 4 Jan 2027"),
    ("2025-12-03", "2026-01-02", "Wed 3 Dec 2025"),
    ("2026-01-02", "2026-12-31", "Fri 2 Jan"),
])
func humanDatesNameAYearOtherThanTodays(_ date: String, _ today: String, _ shown: String) {
    #expect(CivilDate(iso: date)!.display(today: CivilDate(iso: today)!) == shown)
}

@Test func messagesAboutNextYearSayWhichYear() {
    let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "UTC")!)
    let milestone = Milestone(
        projectID: "apollo", id: "go-live", title: "Go-live", owner: "alice", due: CivilDate(iso: "2027-01-04")!,
        baseline: CivilDate(iso: "2026-12-21")!
    )
    let facts = MilestoneFacts(
        milestone: milestone, updatedAt: Date(timeIntervalSince1970: 1_798_416_000),
        today: CivilDate(iso: "2026-12-28")!, calendar: calendar
    )
    let text = MessageText.reminder(milestone: milestone, projectName: "Apollo", facts: facts)
    #expect(text.hasSuffix("Mon 4 Jan 2027. It has slipped 10 business days from its baseline, Mon 21 Dec."))
    let change = MessageText.change(
        milestone: milestone, projectName: "Apollo",
        fields: [FieldChange(field: "due", oldValue: "2026-12-21", newValue: "2027-01-04")],
        today: CivilDate(iso: "2026-12-28")!
    )
    #expect(change == "Go-live · Apollo: due Mon 21 Dec → Mon 4 Jan 2027.")
}
