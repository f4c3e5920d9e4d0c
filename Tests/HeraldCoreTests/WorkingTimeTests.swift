import Foundation
import Testing
@testable import HeraldCore

/// Repeats and escalation levels counted in days fall in the recipient's working time, not at the wall-clock time
/// the engine happened to decide the first message (a daemon started at 18:36), and "due today" is said only on
/// the due date in the reader's zone.
@Suite struct WorkingTimeTests {
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// (interval, from London, `at`, expected London): days land at the start of hours or `at`, on a business day.
    static let intervals: [(Interval, Date, Int?, Date)] = [
        (.businessDays(1), EngineFixture.at("2026-12-03", 18, 36), nil, EngineFixture.at("2026-12-04", 9)),
        (.businessDays(1), EngineFixture.at("2026-12-04", 18, 36), nil, EngineFixture.at("2026-12-07", 9)),
        (.businessDays(1), EngineFixture.at("2026-12-03", 18, 36), 630, EngineFixture.at("2026-12-04", 10, 30)),
        (.businessDays(1), EngineFixture.at("2026-12-24", 8), nil, EngineFixture.at("2026-12-28", 9)),
        (.days(2), EngineFixture.at("2026-12-03", 18, 36), nil, EngineFixture.at("2026-12-07", 9)),
        (.days(1), EngineFixture.at("2026-12-02", 18, 36), nil, EngineFixture.at("2026-12-03", 9)),
        (.hours(4), EngineFixture.at("2026-12-03", 18, 36), nil, EngineFixture.at("2026-12-03", 22, 36)),
        (.minutes(30), EngineFixture.at("2026-12-03", 18, 36), nil, EngineFixture.at("2026-12-03", 19, 6)),
    ]

    @Test(arguments: intervals) func workingTime(interval: Interval, from: Date, at: Int?, expected: Date) {
        #expect(EngineFixture.calendar.workingTime(interval, after: from, at: at) == expected)
    }

    /// The fixture with alice (the owner) in `zone` and a rule that holds every day, repeating as given.
    static func repeatingRun(zone: TimeZone?, every interval: Interval, at: Int?) throws -> EngineRun {
        var rule = try EngineFixture.rule(when: "true", repeat: .every(interval))
        rule.repeatAt = at
        var configuration = EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [EngineFixture.milestone(due: "2026-12-18")])]
        )
        configuration.people["alice"]?.timeZone = zone
        return EngineRun(configuration: configuration)
    }

    /// (alice's zone, repeat, `at`, the London times of the reminders after the first at Thu 3 Dec 18:36).
    static let repeats: [(TimeZone?, Interval, Int?, [Date])] = [
        (nil, .businessDays(1), nil, [
            EngineFixture.at("2026-12-04", 9), EngineFixture.at("2026-12-07", 9), EngineFixture.at("2026-12-08", 9),
        ]),
        (nil, .businessDays(1), 10 * 60 + 30, [
            EngineFixture.at("2026-12-04", 10, 30), EngineFixture.at("2026-12-07", 10, 30),
            EngineFixture.at("2026-12-08", 10, 30),
        ]),
        (newYork, .businessDays(1), nil, [
            EngineFixture.at("2026-12-04", 14), EngineFixture.at("2026-12-07", 14), EngineFixture.at("2026-12-08", 14),
        ]),
        (nil, .days(2), nil, [
            EngineFixture.at("2026-12-07", 9), EngineFixture.at("2026-12-09", 9), EngineFixture.at("2026-12-11", 9),
        ]),
        (nil, .hours(4), nil, [
            EngineFixture.at("2026-12-03", 22, 36), EngineFixture.at("2026-12-04", 2, 36),
            EngineFixture.at("2026-12-04", 6, 36),
        ]),
    ]

    @Test(arguments: repeats) func daemonStartedAt1836RepeatsInWorkingTime(
        zone: TimeZone?, every interval: Interval, at: Int?, expected: [Date]
    ) throws {
        var run = try Self.repeatingRun(zone: zone, every: interval, at: at)
        #expect(run.tick(EngineFixture.at("2026-12-03", 18, 36)).count == 1, "the first reminder goes at once")
        let key = RuleStateKey(rule: "due-soon", projectID: "apollo", milestoneID: "design")
        var fired: [Date] = []
        for _ in expected {
            let next = try #require(run.states[key]?.nextEligibleAt)
            #expect(run.tick(next.addingTimeInterval(-60)).isEmpty, "not a minute before")
            if run.tick(next).count == 1 { fired.append(next) }
        }
        #expect(fired == expected)
    }

    /// Levels counted in business days fall at the start of hours (or the level's `at`), and so does a repeat of the
    /// last level every business day, whenever the escalation opened.
    @Test func escalationLevelsInBusinessDaysFallAtTheStartOfHours() {
        let policy = EscalationPolicy(name: "late", levels: [
            .init(after: nil, notify: [.owner]),
            .init(after: .businessDays(1), notify: [.manager]),
            .init(after: .businessDays(2), at: 10 * 60, notify: [.sponsor]),
            .init(after: .hours(4), notify: [.manager]),
        ], repeatLastEvery: .businessDays(1))
        let ladder = EscalationLadder(policy: policy, calendar: EngineFixture.calendar)
        let opened = EngineFixture.at("2026-12-03", 18, 36)
        #expect(policy.levels.indices.map { ladder.dueTime(ofLevel: $0, openedAt: opened) } == [
            opened, EngineFixture.at("2026-12-04", 9), EngineFixture.at("2026-12-07", 10),
            EngineFixture.at("2026-12-03", 22, 36),
        ])
        let record = EscalationRecord(
            id: "esc_1", key: RuleStateKey(rule: "late", projectID: "apollo", milestoneID: "design"), policy: "late",
            due: CivilDate(iso: "2026-12-02")!, openedAt: opened, levelsNotified: 4,
            lastNotifiedAt: EngineFixture.at("2026-12-07", 10)
        )
        #expect(ladder.nextTime(record) == EngineFixture.at("2026-12-08", 9))
    }

    /// (alice's zone, whether `eng` holds out of hours, decision London, how the reminder of a milestone due Thu 3
    /// Dec begins after the title).
    static let dueToday: [(TimeZone?, Bool, Date, String)] = [
        (nil, false, EngineFixture.at("2026-12-03", 18, 36), "is due today, Thu 3 Dec."),
        (nil, true, EngineFixture.at("2026-12-03", 10), "is due today, Thu 3 Dec."),
        (nil, true, EngineFixture.at("2026-12-03", 18, 36), "is 1 business day overdue; it was due Thu 3 Dec."),
        (nil, false, EngineFixture.at("2026-12-04", 1), "is 1 business day overdue; it was due Thu 3 Dec."),
        (newYork, false, EngineFixture.at("2026-12-04", 1), "is due today, Thu 3 Dec."),
        (newYork, true, EngineFixture.at("2026-12-03", 18, 36), "is due today, Thu 3 Dec."),
        (newYork, true, EngineFixture.at("2026-12-04", 1), "is 1 business day overdue; it was due Thu 3 Dec."),
        (nil, true, EngineFixture.at("2026-12-02", 20), "is due today, Thu 3 Dec."),
    ]

    @Test(arguments: dueToday) func dueTodayOnlyOnTheDueDateInTheReadersZone(
        zone: TimeZone?, holds: Bool, at now: Date, expected: String
    ) throws {
        var configuration = EngineFixture.configuration(
            rules: [try EngineFixture.rule(when: "true")],
            projects: [EngineFixture.project(milestones: [EngineFixture.milestone(due: "2026-12-03")])]
        )
        configuration.people["alice"]?.timeZone = zone
        if holds {
            configuration.channels["eng"] = Channel(
                name: "eng", kind: .webhook(url: Secret("https://hooks.example.com/h"), secrets: [])
            )
        }
        var run = EngineRun(configuration: configuration)
        let message = try #require(run.tick(now).first)
        #expect(message.text.hasPrefix("Design sign-off · Apollo ERP upgrade " + expected))
    }
}
