import Foundation
import Testing
@testable import HeraldCore

/// Snoozes, on-hold projects and inhibition by an open escalation, through the engine with an injected clock.
@Suite struct SuppressionTests {
    static let dueSoon = "business_days_until_due <= 3 and business_days_until_due >= 0"

    static func run(milestones: [Milestone] = [EngineFixture.milestone()], status: ProjectStatus = .active,
                    snoozes: [Snooze] = [], escalated: Set<MilestoneKey> = []) throws -> EngineRun {
        var project = EngineFixture.project(milestones: milestones)
        project.status = status
        var run = EngineRun(configuration: EngineFixture.configuration(
            rules: [try EngineFixture.rule(when: dueSoon)], projects: [project]
        ))
        run.suppressions = Suppressions(snoozes: snoozes, escalatedMilestones: escalated)
        return run
    }

    static func untilDate(_ date: String, milestone: String? = "design", by: String? = "bob",
                          note: String? = "on leave") -> Snooze {
        let day = CivilDate(iso: date)!
        return Snooze(
            projectID: "apollo", milestoneID: milestone,
            end: .date(day, startsAt: EngineFixture.calendar.instant(of: day, minuteOfDay: 0)), by: by, note: note,
            createdAt: EngineFixture.at("2026-11-30", 10)
        )
    }

    @Test func snoozeUntilADateHoldsTheReminderThenItFires() throws {
        var run = try Self.run(snoozes: [Self.untilDate("2026-12-03")])
        #expect(run.tick(EngineFixture.at("2026-12-01", 9)).isEmpty, "Tue: due in 3 business days, but snoozed")
        #expect(run.tick(EngineFixture.at("2026-12-02", 23, 59)).isEmpty, "still snoozed the minute before")
        #expect(run.states.isEmpty, "a suppressed reminder does not advance the rule")
        let suppression = try #require(run.suppressed.first)
        #expect(suppression.reason == "snoozed until Thu 3 Dec (by bob: on leave)")
        #expect(suppression.reasonCode == "snoozed")
        #expect(suppression.rule == "due-soon" && suppression.milestoneID == "design")
        #expect(suppression.recipients == ["alice"] && suppression.channels == ["eng"])
        #expect(suppression.day == CivilDate(iso: "2026-12-01"))
        let after = run.tick(EngineFixture.at("2026-12-03", 0))
        #expect(after.map(\.rule) == ["due-soon"], "a `once` rule fires as the snooze ends, as it still holds")
        #expect(run.tick(EngineFixture.at("2026-12-03", 9)).isEmpty, "and only once")
    }

    @Test func snoozeUntilTheDueChangesHoldsUntilTheFileMovesIt() throws {
        let snooze = Snooze(
            projectID: "apollo", milestoneID: "design", end: .dueChange(from: CivilDate(iso: "2026-12-04")!),
            by: "bob", createdAt: EngineFixture.at("2026-11-30", 10)
        )
        var run = try Self.run(snoozes: [snooze])
        #expect(run.tick(EngineFixture.at("2026-12-01", 9)).isEmpty)
        #expect(run.tick(EngineFixture.at("2026-12-02", 9)).isEmpty)
        #expect(run.suppressed.map(\.reason).first == "snoozed until its due date changes from Fri 4 Dec (by bob)")
        #expect(run.suppressed.first?.reasonCode == "snoozed_until_due_change")
        run.milestones[0].milestone.due = CivilDate(iso: "2026-12-07")!
        #expect(run.tick(EngineFixture.at("2026-12-02", 9, 1)).count == 1, "the due moved: the snooze is over")
    }

    @Test func aProjectSnoozeCoversEveryMilestoneOfThatProjectOnly() throws {
        let other = Milestone(projectID: "zeus", id: "launch", title: "Launch", owner: "bob",
                              due: CivilDate(iso: "2026-12-04")!, status: .inProgress)
        var run = try Self.run(
            milestones: [EngineFixture.milestone("design"), EngineFixture.milestone("build")],
            snoozes: [Self.untilDate("2026-12-10", milestone: nil, note: nil)]
        )
        run.milestones.append(TrackedMilestone(milestone: other, updatedAt: EngineFixture.at("2026-11-20", 9)))
        let sent = run.tick(EngineFixture.at("2026-12-01", 9))
        #expect(sent.map { $0.milestones.map(\.id) } == [["launch"]], "zeus is not snoozed")
        #expect(run.suppressed.map(\.milestoneID) == ["design", "build"])
        #expect(run.suppressed.allSatisfy { $0.reason == "project snoozed until Thu 10 Dec (by bob)" })
    }

    @Test func aMilestoneSnoozeIsNamedBeforeItsProjectSnooze() throws {
        let run = try Self.run(snoozes: [
            Self.untilDate("2026-12-10", milestone: nil, note: nil), Self.untilDate("2026-12-03"),
        ])
        let reason = SuppressionPolicy.reason(
            for: .reminder, milestone: run.milestones[0].milestone, project: nil, suppressions: run.suppressions,
            now: EngineFixture.at("2026-12-01", 9)
        )
        #expect(reason?.description == "snoozed until Thu 3 Dec (by bob: on leave)")
    }

    @Test func anOnHoldProjectSendsNoReminderAndNoAnnouncement() throws {
        let milestone = EngineFixture.milestone()
        var project = EngineFixture.project(milestones: [milestone])
        project.status = .onHold
        let completed = Rule(
            name: "completed", trigger: .change(.statusChanged),
            condition: try RuleExpression.compile("status == \"done\""),
            action: .notify([.manager])
        )
        let engine = RuleEngine(configuration: EngineFixture.configuration(
            rules: [try EngineFixture.rule(when: Self.dueSoon), completed], projects: [project]
        ))
        let now = EngineFixture.at("2026-12-01", 9)
        let ticked = engine.evaluate(
            milestones: [TrackedMilestone(milestone: milestone, updatedAt: now)], states: [:], now: now
        )
        #expect(ticked.messages.isEmpty && ticked.ruleStates.isEmpty)
        #expect(ticked.suppressions.map(\.reason) == ["project on hold"])
        var done = milestone
        done.status = .done
        let change = MilestoneChange(
            projectID: "apollo", milestoneID: "design", kind: .updated,
            fields: [FieldChange(field: "status", oldValue: "in_progress", newValue: "done")],
            previous: milestone, current: done
        )
        let announced = engine.evaluate(changes: [change], updatedAt: now)
        #expect(announced.messages.isEmpty)
        #expect(announced.suppressions.map { "\($0.kind.rawValue) \($0.rule) → \($0.recipients): \($0.reason)" }
            == ["announcement completed → [\"bob\"]: project on hold"])
    }

    @Test func anOpenEscalationInhibitsThatMilestonesPlainReminders() throws {
        let key = MilestoneKey(projectID: "apollo", milestoneID: "design")
        var run = try Self.run(
            milestones: [EngineFixture.milestone("design"), EngineFixture.milestone("build")], escalated: [key]
        )
        let sent = run.tick(EngineFixture.at("2026-12-01", 9))
        #expect(sent.map { $0.milestones.map(\.id) } == [["build"]])
        #expect(run.suppressed.map { "\($0.milestoneID): \($0.reason)" } == ["design: escalation open"])
        run.suppressions.escalatedMilestones = []
        #expect(run.tick(EngineFixture.at("2026-12-01", 10)).count == 1, "acknowledged or closed: the reminder fires")
    }

    /// What each suppression stops: on hold stops all but digests; a snooze stops reminders and escalations, not
    /// news; an open escalation stops only plain reminders.
    @Test(arguments: [
        (MessageKind.reminder, "on_hold", "project_on_hold"),
        (.announcement, "on_hold", "project_on_hold"),
        (.escalation, "on_hold", "project_on_hold"),
        (.resolved, "on_hold", "project_on_hold"),
        (.digest, "on_hold", nil),
        (.reminder, "snoozed", "snoozed"),
        (.escalation, "snoozed", "snoozed"),
        (.announcement, "snoozed", nil),
        (.resolved, "snoozed", nil),
        (.reminder, "escalated", "escalation_open"),
        (.escalation, "escalated", nil),
        (.announcement, "escalated", nil),
        (.reminder, "nothing", nil),
    ] as [(MessageKind, String, String?)])
    func policyTable(kind: MessageKind, situation: String, expected: String?) {
        let milestone = EngineFixture.milestone()
        var project = EngineFixture.project(milestones: [milestone])
        if situation == "on_hold" { project.status = .onHold }
        let suppressions = Suppressions(
            snoozes: situation == "snoozed" ? [Self.untilDate("2026-12-03")] : [],
            escalatedMilestones: situation == "escalated" ? [MilestoneKey(projectID: "apollo", milestoneID: "design")]
                : []
        )
        let reason = SuppressionPolicy.reason(
            for: kind, milestone: milestone, project: project, suppressions: suppressions,
            now: EngineFixture.at("2026-12-01", 9)
        )
        #expect(reason?.code == expected)
    }
}
