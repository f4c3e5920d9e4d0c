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
