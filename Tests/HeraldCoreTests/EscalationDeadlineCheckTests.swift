import Foundation
@testable import HeraldCore
import Testing

/// `herald plan`'s warning about escalation ladders longer than the time left before the due date.
struct EscalationDeadlineCheckTests {
    /// A policy: the owner at once, then the manager and the sponsor after the given intervals.
    static func configuration(when condition: String, levels: [Interval?]) throws -> Configuration {
        let policy = EscalationPolicy(
            name: "slipping", levels: levels.map { EscalationPolicy.Level(after: $0, notify: [.owner]) }
        )
        let rule = Rule(
            name: "at-risk", condition: try RuleExpression.compile(condition), action: .escalate("slipping")
        )
        var configuration = EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [EngineFixture.milestone()])]
        )
        configuration.escalations = ["slipping": policy]
        return configuration
    }

    /// The design milestone is due Fri 4 Dec 2026; the check observes it each midnight from Mon 30 Nov.
    @Test(arguments: [
        // Holds from Tue 1 Dec (3 business days left); the last level comes Fri 4 Dec 09:00: in time.
        ("business_days_until_due <= 3", [nil, .businessDays(1), .businessDays(3)] as [Interval?], nil as String?),
        // Holds from Tue 1 Dec; the last level comes Mon 7 Dec 09:00 (the start of hours), after Fri 4 Dec.
        ("business_days_until_due <= 3", [nil, .businessDays(2), .businessDays(4)], "reaches level 3 2026-12-07 09:00"),
        // Levels are notified in order: level 3 (4 h) comes with level 2, 5 days after Tue 1 Dec (a Sunday, so
        // the start of hours on Mon 7 Dec).
        ("business_days_until_due <= 3", [nil, .days(5), .hours(4)], "reaches level 3 2026-12-07 09:00"),
        // Holds only once overdue: the ladder cannot end before a due date already past.
        ("days_overdue >= 1", [nil, .businessDays(5)], nil),
        // Holds from the first observation (Mon 30 Nov); the single level is at once.
        ("status == \"in_progress\"", [nil], nil),
    ])
    func warnsWhenTheLastLevelComesAfterTheDueDate(condition: String, levels: [Interval?], expected: String?) throws {
        var check = EscalationDeadlineCheck(configuration: try Self.configuration(when: condition, levels: levels))
        let updated = EngineFixture.at("2026-11-20", 9)
        let tracked = [TrackedMilestone(milestone: EngineFixture.milestone(), updatedAt: updated)]
        for day in 0..<14 {
            check.observe(tracked, at: EngineFixture.at(CivilDate(iso: "2026-11-30")!.adding(days: day).description, 0))
        }
        let warnings = check.warnings()
        if let expected {
            try #require(warnings.count == 1)
            #expect(warnings[0].hasPrefix("rule at-risk, apollo/design: escalation slipping opens 2026-12-01 00:00"))
            #expect(warnings[0].contains(expected))
            #expect(warnings[0].hasSuffix("after the due date Fri 4 Dec"))
        } else {
            #expect(warnings.isEmpty)
        }
    }

    @Test func aClosedMilestoneAndANotifyRuleAreIgnored() throws {
        var configuration = try Self.configuration(when: "business_days_until_due <= 3", levels: [.businessDays(9)])
        configuration.rules.append(try EngineFixture.rule())
        var check = EscalationDeadlineCheck(configuration: configuration)
        let done = EngineFixture.milestone(status: .done)
        check.observe([TrackedMilestone(milestone: done, updatedAt: EngineFixture.at("2026-11-20", 9))],
                      at: EngineFixture.at("2026-12-02", 0))
        #expect(check.warnings().isEmpty)
    }
}
