import Foundation
import Testing
@testable import HeraldCore

@Suite struct RuleEngineChunkTests {
    /// 10,000 milestones: due dates around today, every status, updates on both sides of the October clock change,
    /// one in three with its due date moved.
    private static func portfolio() -> [TrackedMilestone] {
        let statuses = MilestoneStatus.allCases
        return (0..<10_000).map { index in
            let due = day("2026-12-01").adding(days: index % 41 - 20)
            var milestone = EngineFixture.milestone(
                "m\(index)", owner: index % 5 == 0 ? "dan" : "alice", due: due.description,
                status: statuses[index % statuses.count]
            )
            milestone.critical = index % 3 == 0
            let updatedAt = EngineFixture.at("2026-10-20", 0).addingTimeInterval(Double(index * 997 % 3_000_000))
            let history = index % 3 == 0
                ? MilestoneHistoryFacts(
                    timesMoved: index % 4 + 1, lastMove: DueMove(from: due.adding(days: index % 9 - 4), to: due),
                    statusChangedAt: updatedAt.addingTimeInterval(-86_400 * Double(index % 30))
                )
                : nil
            return TrackedMilestone(milestone: milestone, updatedAt: updatedAt, history: history)
        }
    }

    @Test func chunkedEvaluationEqualsOnePassInOrder() throws {
        let rules = try [
            EngineFixture.rule("due-soon", repeat: .every(.businessDays(1))),
            EngineFixture.rule("overdue", when: "days_overdue >= 1", notify: [.owner, .manager],
                               repeat: .every(.days(1))),
            EngineFixture.rule("moved", when: "times_moved >= 2 and moved_days < 0", notify: [.owner]),
            EngineFixture.rule("quiet", when: "days_since_update >= 20 and status_changed_at < 2026-10-25",
                               notify: [.audience("sponsors")], repeat: .every(.hours(4))),
        ]
        let milestones = Self.portfolio()
        let engine = RuleEngine(configuration: EngineFixture.configuration(
            rules: rules, projects: [EngineFixture.project(manager: nil, milestones: [])]
        ))
        let now = EngineFixture.at("2026-12-01", 10)
        let earlier = engine.evaluate(milestones: milestones, states: [:], now: EngineFixture.at("2026-11-30", 10))
        let states = Dictionary(earlier.ruleStates.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })

        let whole = engine.evaluate(milestones: milestones, states: states, now: now)
        // Halves of 5,000 are each evaluated in one chunk.
        let halves = [milestones[..<5_000], milestones[5_000...]].map {
            engine.evaluate(milestones: Array($0), states: states, now: now)
        }
        #expect(whole.messages == halves.flatMap(\.messages))
        #expect(whole.ruleStates == halves.flatMap(\.ruleStates))
        #expect(whole.unreachable == halves.flatMap(\.unreachable))
        #expect(!whole.unreachable.isEmpty, "the project names no manager")
        for rule in ["due-soon", "overdue", "moved", "quiet"] {
            #expect((earlier.messages + whole.messages).contains { $0.rule == rule }, "\(rule) fires somewhere")
        }
    }

    @Test func changeRulesReadTheHistoryAfterTheChange() throws {
        let rule = Rule(
            name: "moved-late", trigger: .change(.dueChanged),
            condition: try RuleExpression.compile("moved_days >= 5 and times_moved == 2"), action: .notify([.manager])
        )
        let before = EngineFixture.milestone()
        var after = before
        after.due = day("2026-12-11")
        let engine = RuleEngine(configuration: EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [after])]
        ))
        let now = EngineFixture.at("2026-12-01", 10)
        func change(timesMoved: Int) -> MilestoneChange {
            MilestoneChange(
                projectID: "apollo", milestoneID: "design", kind: .updated,
                fields: [FieldChange(field: "due", oldValue: "2026-12-04", newValue: "2026-12-11")],
                previous: before, current: after,
                history: MilestoneHistoryFacts(
                    timesMoved: timesMoved, lastMove: DueMove(from: before.due, to: after.due), statusChangedAt: now
                )
            )
        }
        let twice = engine.evaluate(changes: [change(timesMoved: 2)], updatedAt: now)
        #expect(twice.messages.map(\.rule) == ["moved-late"])
        #expect(engine.evaluate(changes: [change(timesMoved: 1)], updatedAt: now).messages.isEmpty)
    }
}

/// Every 7 minutes over the days around clock changes: the memo agrees with the zone.
@Test(arguments: [
    ("Europe/London", "2026-03-28T00:00:00Z"), ("Europe/London", "2026-10-24T00:00:00Z"),
    ("Australia/Lord_Howe", "2026-04-03T00:00:00Z"), ("Australia/Lord_Howe", "2026-10-02T00:00:00Z"),
    ("America/St_Johns", "2026-03-07T00:00:00Z"), ("Asia/Kathmandu", "2026-01-01T00:00:00Z"),
])
func civilDateMemoAgreesWithTheZone(zone name: String, from start: String) throws {
    let zone = try #require(TimeZone(identifier: name))
    var memo = CivilDateMemo(zone: zone)
    for step in 0..<(3 * 24 * 60 / 7) {
        let instant = utc(start).addingTimeInterval(Double(step * 7 * 60) + 0.5)
        #expect(memo.date(of: instant) == CivilDate(instant, in: zone), "\(name) \(instant)")
    }
}
