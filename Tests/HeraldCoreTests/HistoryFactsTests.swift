import Foundation
import Testing
@testable import HeraldCore

/// Facts of the fixture (due Fri 4 Dec 2026) with `history`, on Monday 30 November.
private func facts(history: MilestoneHistoryFacts) -> MilestoneFacts {
    MilestoneFacts(
        milestone: fixtureMilestone, updatedAt: fixtureUpdatedAt, today: fixtureToday, calendar: london,
        history: history
    )
}

@Test(arguments: [
    // (last move from, to, expected moved_days): business days, signed, across weekends and the two holidays
    ("2026-11-27", "2026-12-04", 5), // Fri -> Fri
    ("2026-12-04", "2026-11-27", -5), // moved earlier
    ("2026-12-04", "2026-12-07", 1), // Fri -> the next Mon
    ("2026-12-05", "2026-12-06", 0), // Sat -> Sun
    ("2026-12-24", "2026-12-29", 1), // over Christmas and the 28th
    ("2026-12-04", "2026-12-04", 0),
])
func movedDaysCountsBusinessDays(from: String, to: String, expected: Int) throws {
    let history = MilestoneHistoryFacts(
        timesMoved: 2, lastMove: DueMove(from: day(from), to: day(to)), statusChangedAt: fixtureUpdatedAt
    )
    let facts = facts(history: history)
    #expect(facts.movedDays == expected)
    #expect(facts.timesMoved == 2)
    #expect(try RuleExpression.compile("moved_days == \(expected) and times_moved == 2").evaluate(facts))
}

@Test(arguments: [
    // (status changed at, its date in London): Greenwich time in winter, an hour ahead in summer
    ("2026-11-25T23:30:00Z", "2026-11-25"),
    ("2026-06-30T23:30:00Z", "2026-07-01"),
    ("2026-03-29T23:30:00Z", "2026-03-30"),
])
func statusChangedAtIsTheDateInTheCalendarsZone(instant: String, expected: String) throws {
    let facts = facts(history: MilestoneHistoryFacts(statusChangedAt: utc(instant)))
    #expect(facts.statusChangedOn == day(expected))
    #expect(try RuleExpression.compile("status_changed_at == \(expected)").evaluate(facts))
    #expect(try RuleExpression.compile("status_changed_at < today").evaluate(facts))
}

/// Field changes as history records them, applied one step at a time.
@Test(arguments: [
    // (name, steps of field changes, expected times moved, last move, status changed at step)
    ("created", [[("due", nil, "2026-12-04"), ("status", nil, "planned")]], 0, nil, 0),
    ("one move", [[("due", nil, "2026-12-04"), ("status", nil, "planned")], [("due", "2026-12-04", "2026-12-11")]],
     1, ("2026-12-04", "2026-12-11"), 0),
    ("several moves, the last one earlier", [
        [("due", nil, "2026-12-04"), ("status", nil, "planned")], [("due", "2026-12-04", "2026-12-18")],
        [("due", "2026-12-18", "2026-12-21"), ("title", "a", "b")], [("due", "2026-12-21", "2026-12-09")],
    ], 3, ("2026-12-21", "2026-12-09"), 0),
    ("status changes", [
        [("due", nil, "2026-12-04"), ("status", nil, "planned")], [("status", "planned", "in_progress")],
        [("due", "2026-12-04", "2026-12-07")], [("status", "in_progress", "done")], [("owner", "alice", "bob")],
    ], 1, ("2026-12-04", "2026-12-07"), 3),
] as [(String, [[(String, String?, String?)]], Int, (String, String)?, Int)])
func historyFactsFollowTheChanges(
    name: String, steps: [[(String, String?, String?)]], timesMoved: Int, lastMove: (String, String)?,
    statusStep: Int
) {
    let created = utc("2026-11-02T09:00:00Z")
    var facts = MilestoneHistoryFacts(statusChangedAt: created)
    for (index, step) in steps.enumerated() {
        let fields = step.map { FieldChange(field: $0.0, oldValue: $0.1, newValue: $0.2) }
        facts = facts.applying(fields, at: created + Double(index) * 86_400)
    }
    #expect(facts.timesMoved == timesMoved, "\(name)")
    #expect(facts.lastMove == lastMove.map { DueMove(from: day($0.0), to: day($0.1)) }, "\(name)")
    #expect(facts.statusChangedAt == created + Double(statusStep) * 86_400, "\(name)")
}
