import Foundation
import Testing
@testable import HeraldCore

/// Compiles and evaluates `source` against `facts`.
private func holds(_ source: String, _ facts: MilestoneFacts = facts()) throws -> Bool {
    try RuleExpression.compile(source).evaluate(facts)
}

@Test func factsOfTheFixture() {
    let facts = facts()
    #expect(facts.daysUntilDue == 4)
    #expect(facts.businessDaysUntilDue == 4)
    #expect(facts.daysOverdue == 0)
    #expect(facts.businessDaysOverdue == 0)
    #expect(facts.slipDays == 5) // Fri 27 Nov -> Fri 4 Dec
    #expect(facts.daysSinceUpdate == 5)
}

@Test func factsWhenOverdue() {
    let facts = facts(today: day("2026-12-29"))
    #expect(facts.daysUntilDue == -25)
    #expect(facts.businessDaysUntilDue == -15) // 7-11, 14-18, 21-24, 29 December
    #expect(facts.daysOverdue == 25)
    #expect(facts.businessDaysOverdue == 15)
}

@Test(arguments: [
    #"project == "apollo""#,
    #"id == "design-signoff""#,
    #"title == "Design sign-off""#,
    #"phase == "Design""#,
    #"owner == "alice""#,
    #"status == "in_progress""#,
    "critical",
    "due == 2026-12-04",
    "baseline == 2026-11-27",
    "today == 2026-11-30",
    "days_until_due == 4",
    "business_days_until_due == 4",
    "days_overdue == 0",
    "business_days_overdue == 0",
    "slip_days == 5",
    "days_since_update == 5",
    "moved_days == 0", // no history given: never moved ...
    "times_moved == 0",
    "status_changed_at == 2026-11-25", // ... and the status last changed when anything did
    #"labels.team == "infra""#,
    #"labels.quote == "say \"hi\" \\o/""#,
])
func everyVariableReadsTheFixture(source: String) throws {
    #expect(try holds(source))
}

@Test(arguments: [
    // comparisons on numbers
    ("days_until_due < 5", true), ("days_until_due < 4", false),
    ("days_until_due <= 4", true), ("days_until_due <= 3", false),
    ("days_until_due > 3", true), ("days_until_due > 4", false),
    ("days_until_due >= 4", true), ("days_until_due >= 5", false),
    ("days_until_due == 4", true), ("days_until_due != 4", false),
    // dates
    ("due < 2026-12-24", true), ("due > today", true), ("due <= 2026-12-04", true), ("due >= 2026-12-05", false),
    ("baseline < due", true),
    // numbers: decimals and unary minus
    ("-days_until_due == -4", true), ("- -4 == 4", true), ("-1.5 < -1", true), ("2.5 == 2.50", true),
    ("days_until_due > 3.9", true), ("-(days_until_due) <= -4", true),
    // strings
    (#"owner != "bob""#, true), (#""alice" == owner"#, true), (#"title == "design sign-off""#, false),
    // booleans
    ("true", true), ("false", false), ("not false", true), ("critical == true", true), ("critical != false", true),
    // null
    ("phase != null", true), ("null == null", true), ("baseline != null", true), ("labels.missing == null", true),
    (#"labels.missing != "x""#, true), ("null != phase", true),
    // lists
    (#"status in ["in_progress", "at_risk"]"#, true), (#"status not in ["done", "cancelled"]"#, true),
    (#"status in ["done"]"#, false), (#"status not in ["in_progress"]"#, false),
    ("owner in []", false), ("owner not in []", true), ("days_until_due in [1, 4]", true),
    ("days_until_due in [-4, 0]", false), ("due in [2026-12-04, 2026-12-05]", true),
    (#"phase in ["Build", null]"#, false), ("critical in [true]", true),
    // precedence
    ("true or true and false", true), ("false and true or true", true), ("not true and false", false),
    ("not false and false", false), ("not (false and false)", true), ("(true or true) and false", false),
    ("not not true", true), ("(days_until_due == 4) == true", true),
    // the SPEC's and the brief's examples
    (#"status != "done" and business_days_until_due <= 3 and business_days_until_due >= 0"#, false),
    (#"status not in ["done", "cancelled"] and days_overdue >= 1"#, false),
    ("critical and slip_days > 2", true),
    (#"not (phase == "Design" or owner == "bob")"#, false),
])
func operators(source: String, expected: Bool) throws {
    #expect(try holds(source) == expected, "\(source)")
}

@Test func dueSoonHoldsThreeBusinessDaysOut() throws {
    let rule = #"status != "done" and business_days_until_due <= 3 and business_days_until_due >= 0"#
    #expect(try holds(rule, facts(today: day("2026-12-01"))))
    #expect(try holds(#"status not in ["done", "cancelled"] and days_overdue >= 1"#, facts(today: day("2026-12-05"))))
}

/// The fixture without a phase, a baseline or labels.
private let bare: Milestone = {
    var milestone = fixtureMilestone
    milestone.phase = nil
    milestone.baseline = nil
    milestone.labels = [:]
    return milestone
}()

@Test(arguments: [
    ("phase == null", true),
    (#"phase != "Design""#, true),
    (#"phase in ["Build", null]"#, true),
    (#"phase not in ["Build"]"#, true),
    ("baseline == null", true),
    ("baseline < 2027-01-01", false), // ordering with null is false ...
    ("baseline >= 2000-01-01", false),
    ("not (baseline < 2027-01-01)", true), // ... and its negation true
    ("slip_days == 0", true),
    (#"labels.team == "infra""#, false),
    ("labels.team == null", true),
])
func nullValues(source: String, expected: Bool) throws {
    #expect(try holds(source, facts(bare)) == expected, "\(source)")
}

@Test(arguments: [
    ("previous.status == null", true),
    (#"previous.status == "planned""#, false),
    (#"previous.status != "planned""#, true),
    ("previous.due == null", true),
    ("previous.days_until_due == null", true),
    ("previous.critical", false), // null counts as false ...
    ("not previous.critical", true), // ... so its negation holds
    ("previous.due < due", false),
    ("previous.times_moved == null", true),
])
func previousWithoutPreviousState(source: String, expected: Bool) throws {
    #expect(try holds(source) == expected, "\(source)")
}

@Test(arguments: [
    (#"previous.status == "planned" and status == "in_progress""#, true),
    ("previous.due < due", true),
    ("previous.days_until_due == -3", true),
    ("previous.business_days_until_due == -1", true),
    ("previous.slip_days == 0", true),
    (#"previous.owner == "bob" and owner != previous.owner"#, true),
    ("previous.labels.team == null", true),
    ("previous.critical", false),
    ("previous.today == today", true),
    ("previous.days_since_update == days_since_update", true),
    // the history variables describe the milestone as it is now only
    ("previous.moved_days == null", true),
    ("previous.times_moved == null", true),
    ("previous.status_changed_at == null", true),
])
func previousState(source: String, expected: Bool) throws {
    var before = bare
    before.status = .planned
    before.due = day("2026-11-27")
    before.owner = "bob"
    before.critical = false
    #expect(try holds(source, facts(previous: before)) == expected, "\(source)")
}

@Test func compiledExpressionKeepsItsSource() throws {
    let expression = try RuleExpression.compile("critical")
    #expect(expression.source == "critical")
    #expect(expression.description == "critical")
}

/// A sanity run over many milestones and rules; it checks results, not time.
@Test func manyMilestonesManyRules() throws {
    let rules = try [
        #"status != "done" and business_days_until_due <= 3 and business_days_until_due >= 0"#,
        #"status not in ["done", "cancelled"] and days_overdue >= 1"#,
        "critical and slip_days > 2",
        #"labels.team == "infra""#,
    ].map { try RuleExpression.compile($0) }
    var counts = [0, 0, 0, 0]
    for offset in 0..<1_000 {
        var milestone = fixtureMilestone
        milestone.due = fixtureToday.adding(days: offset % 20 - 10)
        milestone.status = offset % 2 == 0 ? .done : .inProgress
        let facts = facts(milestone)
        for (index, rule) in rules.enumerated() where rule.evaluate(facts) {
            counts[index] += 1
        }
    }
    // Due-soon: open (odd offsets) and due 0...3 business days ahead, counted independently.
    let expectedDueSoon = (0..<1_000).filter { offset in
        let due = fixtureToday.adding(days: offset % 20 - 10)
        let business = london.businessDays(from: fixtureToday, to: due)
        return offset % 2 == 1 && (0...3).contains(business)
    }.count
    #expect(counts[0] == expectedDueSoon)
    #expect(counts[1] == (0..<1_000).filter { $0 % 2 == 1 && $0 % 20 < 10 }.count)
    #expect(counts[3] == 1_000)
}
