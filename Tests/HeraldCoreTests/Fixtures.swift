import Foundation
@testable import HeraldCore

/// `CivilDate(iso:)` for literals known to be valid.
func day(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso: text) else { fatalError("bad test date \(text)") }
    return date
}

/// An instant from an ISO 8601 UTC literal (`2026-03-29T01:00:00Z`).
func utc(_ text: String) -> Date {
    guard let date = try? Date(text, strategy: .iso8601) else { fatalError("bad test instant \(text)") }
    return date
}

/// Europe/London, Monday to Friday 09:00-17:30, with 2026-12-25 and 2026-12-28 as holidays.
let london = BusinessCalendar(
    timeZone: TimeZone(identifier: "Europe/London")!,
    holidays: [day("2026-12-25"), day("2026-12-28")]
)

/// The same holidays on a Saturday-and-Sunday workweek.
let weekendWorkers = BusinessCalendar(
    timeZone: TimeZone(identifier: "Europe/London")!,
    workdays: [.sat, .sun],
    holidays: [day("2026-12-25"), day("2026-12-28")]
)

/// The milestone every evaluation test reads.
let fixtureMilestone = Milestone(
    projectID: "apollo", id: "design-signoff", title: "Design sign-off", phase: "Design", owner: "alice",
    due: day("2026-12-04"), baseline: day("2026-11-27"), status: .inProgress, critical: true,
    labels: ["team": "infra", "quote": "say \"hi\" \\o/"]
)

/// Monday 2026-11-30: four (business) days before the fixture is due.
let fixtureToday = day("2026-11-30")

/// Five days before `fixtureToday`.
let fixtureUpdatedAt = utc("2026-11-25T12:00:00Z")

/// Facts of `milestone` (the fixture by default) on `today`.
func facts(
    _ milestone: Milestone = fixtureMilestone, today: CivilDate = fixtureToday, previous: Milestone? = nil
) -> MilestoneFacts {
    MilestoneFacts(
        milestone: milestone, updatedAt: fixtureUpdatedAt, today: today, calendar: london, previous: previous
    )
}
