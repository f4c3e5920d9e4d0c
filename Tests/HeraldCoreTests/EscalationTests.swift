import Foundation
import Testing
@testable import HeraldCore

/// Escalation ladders stepped with an injected clock over the London fixture calendar (holiday: 25 Dec 2026).
@Suite struct EscalationTests {
    /// owner at once → manager after 1 business day → sponsor and the sponsors audience after 3 business days,
    /// then the last level again every business day, twice at most.
    static let businessPolicy = EscalationPolicy(
        name: "missed-deadline",
        levels: [
            .init(after: nil, notify: [.owner]),
            .init(after: .businessDays(1), notify: [.manager]),
            .init(after: .businessDays(3), notify: [.sponsor, .audience("sponsors")]),
        ],
        repeatLastEvery: .businessDays(1), maxRepeats: 2
    )

    /// Calendar time: 48 hours are absolute, 3 days fall at the start of hours (here the 09:00 of the opening).
    static let calendarPolicy = EscalationPolicy(
        name: "missed-deadline",
        levels: [
            .init(after: nil, notify: [.owner]),
            .init(after: .hours(48), notify: [.manager]),
            .init(after: .days(3), notify: [.sponsor]),
        ]
    )

    static func run(policy: EscalationPolicy = businessPolicy, due: String, reminders: [Rule] = []) throws -> EngineRun {
        let rule = Rule(
            name: "overdue", condition: try RuleExpression.compile("days_overdue >= 1"),
            action: .escalate(policy.name)
        )
        var configuration = EngineFixture.configuration(
            rules: reminders + [rule], projects: [EngineFixture.project(milestones: [EngineFixture.milestone(due: due)])]
        )
        configuration.escalations = [policy.name: policy]
        return EngineRun(configuration: configuration)
    }

    /// One escalation notice as the tests compare them: local time, level, repeat, channels.
    struct Notice: Equatable, CustomStringConvertible {
        var at: String
        var level: Int
        var isRepeat: Bool
        var channels: [String]

        var description: String { "\(at) L\(level)\(isRepeat ? "r" : "") \(channels)" }
    }

    /// Ticks every hour from `start` for `days` days and lists the escalation notices (one per tick and level).
    static func notices(_ run: inout EngineRun, from start: Date, days: Int) -> [Notice] {
        var notices: [Notice] = []
        for hour in 0..<(days * 24) {
            let now = start.addingTimeInterval(Double(hour) * 3600)
            let messages = run.tick(now).filter { $0.kind == .escalation }
            var levels: [(Int, Bool)] = []
            for message in messages {
                let reference = message.escalation!
                if !levels.contains(where: { $0 == (reference.level, reference.isRepeat) }) {
                    levels.append((reference.level, reference.isRepeat))
                }
            }
            for (level, isRepeat) in levels {
                let channels = messages.filter { $0.escalation?.level == level && $0.escalation?.isRepeat == isRepeat }
                    .map(\.channel)
                notices.append(Notice(
                    at: EngineFixture.calendar.shortDisplay(now), level: level, isRepeat: isRepeat, channels: channels
                ))
            }
        }
        return notices
    }

    struct LadderCase: CustomTestStringConvertible, Sendable {
        var name: String
        var calendarTime: Bool
        var due: String
        var open: String
        var expected: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        LadderCase(
            name: "across a weekend", calendarTime: false, due: "2026-12-03", open: "2026-12-04",
            expected: [
                "Fri 4 Dec 09:00 L1 [\"eng\"]", "Mon 7 Dec 09:00 L2 [\"eng\"]", "Wed 9 Dec 09:00 L3 [\"board\"]",
                "Thu 10 Dec 09:00 L3r [\"board\"]", "Fri 11 Dec 09:00 L3r [\"board\"]",
            ]
        ),
        LadderCase(
            name: "across Christmas", calendarTime: false, due: "2026-12-23", open: "2026-12-24",
            expected: [
                "Thu 24 Dec 09:00 L1 [\"eng\"]", "Mon 28 Dec 09:00 L2 [\"eng\"]", "Wed 30 Dec 09:00 L3 [\"board\"]",
                "Thu 31 Dec 09:00 L3r [\"board\"]", "Fri 1 Jan 09:00 L3r [\"board\"]",
            ]
        ),
        LadderCase(
            name: "business days across the spring-forward weekend", calendarTime: false, due: "2027-03-25",
            open: "2027-03-26",
            expected: [
                "Fri 26 Mar 09:00 L1 [\"eng\"]", "Mon 29 Mar 09:00 L2 [\"eng\"]", "Wed 31 Mar 09:00 L3 [\"board\"]",
                "Thu 1 Apr 09:00 L3r [\"board\"]", "Fri 2 Apr 09:00 L3r [\"board\"]",
            ]
        ),
        LadderCase(
            name: "calendar time across the spring-forward weekend", calendarTime: true, due: "2027-03-25",
            open: "2027-03-26",
            expected: [
                "Fri 26 Mar 09:00 L1 [\"eng\"]", "Sun 28 Mar 10:00 L2 [\"eng\"]", "Mon 29 Mar 09:00 L3 [\"board\"]",
            ]
        ),
        LadderCase(
            name: "calendar time across the fall-back weekend", calendarTime: true, due: "2026-10-22",
            open: "2026-10-23",
            expected: [
                "Fri 23 Oct 09:00 L1 [\"eng\"]", "Sun 25 Oct 08:00 L2 [\"eng\"]", "Mon 26 Oct 09:00 L3 [\"board\"]",
            ]
        ),
    ])
    func ladderTiming(_ ladder: LadderCase) throws {
        var run = try Self.run(policy: ladder.calendarTime ? Self.calendarPolicy : Self.businessPolicy, due: ladder.due)
        let notices = Self.notices(&run, from: EngineFixture.at(ladder.open, 9), days: 10)
        #expect(notices.map(\.description) == ladder.expected)
    }

    @Test func levelsMissedWhileDownAreAllSentOnceAndNotRepeatedEarly() throws {
        var run = try Self.run(due: "2026-12-03")
        #expect(run.tick(EngineFixture.at("2026-12-04", 9)).map(\.escalation?.level) == [1])
        let catchUp = run.tick(EngineFixture.at("2026-12-10", 9, 30))
        #expect(catchUp.map(\.escalation?.level) == [2, 3], "levels 2 and 3 were both due: neither is lost")
        #expect(catchUp.allSatisfy { $0.escalation?.isRepeat == false })
        #expect(run.tick(EngineFixture.at("2026-12-10", 15)).isEmpty, "the repeat counts from the catch-up notice")
        #expect(run.tick(EngineFixture.at("2026-12-11", 9, 30)).map(\.escalation?.isRepeat) == [true])
    }

    @Test(arguments: [1, 2, 3])
    func acknowledgingStopsTheLadderAndTellsEveryoneNotifiedButTheAcknowledger(atLevel level: Int) throws {
        var run = try Self.run(due: "2026-12-03")
        let times = [EngineFixture.at("2026-12-04", 9), EngineFixture.at("2026-12-07", 9), EngineFixture.at("2026-12-09", 9)]
        for time in times.prefix(level) { #expect(!run.tick(time).isEmpty) }
        run.acknowledge(rule: "overdue", by: "bob", at: times[level - 1].addingTimeInterval(600))

        let announced = run.tick(times[level - 1].addingTimeInterval(1200))
        #expect(announced.allSatisfy { $0.kind == .resolved })
        let expected: [String: [String]] = switch level {
        case 1, 2: ["eng": ["alice"]]
        default: ["eng": ["alice"], "board": ["carol"]]
        }
        #expect(Dictionary(uniqueKeysWithValues: announced.map { ($0.channel, $0.recipients) }) == expected)
        #expect(announced.first?.text.contains("acknowledged by Bob Roe on") == true, "named, not by key")
        #expect(announced.first?.text.contains("(\"on it\")") == true)

        var later: [OutgoingMessage] = []
        for hour in 1...(24 * 10) {
            later += run.tick(times[level - 1].addingTimeInterval(1200 + Double(hour) * 3600))
        }
        #expect(later.isEmpty, "no further level, repeat, or second resolved notice")
        let record = try #require(run.allEscalations.values.first)
        #expect(record.state == .acknowledged && record.levelsNotified == level)
    }

    @Test func anAcknowledgedEscalationReArmsWhenTheDueDateMoves() throws {
        var run = try Self.run(due: "2026-12-03")
        let first = run.tick(EngineFixture.at("2026-12-04", 9))
        run.acknowledge(rule: "overdue", by: "bob", at: EngineFixture.at("2026-12-04", 10))
        #expect(run.tick(EngineFixture.at("2026-12-04", 11)).map(\.kind) == [.resolved])
        #expect(run.tick(EngineFixture.at("2026-12-08", 9)).isEmpty, "still overdue, same due date: stays quiet")
        run.milestones[0].milestone.due = CivilDate(iso: "2026-12-07")!
        let reopened = run.tick(EngineFixture.at("2026-12-08", 10))
        #expect(reopened.map(\.kind) == [.escalation], "a new due date that is missed too opens a new escalation")
        #expect(reopened.first?.escalation?.id != first.first?.escalation?.id)
        #expect(reopened.first?.escalation?.level == 1)
    }

    @Test(arguments: [
        (MilestoneStatus.done, "it is done"),
        (MilestoneStatus.cancelled, "it was cancelled"),
        (MilestoneStatus.inProgress, "its due date moved from Thu 3 Dec to Fri 18 Dec"),
    ])
    func closingTellsEveryoneNotifiedOnce(status: MilestoneStatus, reason: String) throws {
        var run = try Self.run(due: "2026-12-03")
        _ = run.tick(EngineFixture.at("2026-12-04", 9))
        _ = run.tick(EngineFixture.at("2026-12-07", 9))
        run.milestones[0].milestone.status = status
        if status == .inProgress { run.milestones[0].milestone.due = CivilDate(iso: "2026-12-18")! }
        let resolved = run.tick(EngineFixture.at("2026-12-07", 11))
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(resolved.first?.recipients == ["alice", "bob"])
        #expect(resolved.first?.text.hasSuffix("\(reason). No further escalation notices will be sent.") == true)
        #expect(run.tick(EngineFixture.at("2026-12-09", 9)).isEmpty, "level 3 never comes")
        #expect(run.escalations.isEmpty)
    }

    @Test func aRemovedMilestoneClosesItsEscalation() throws {
        var run = try Self.run(due: "2026-12-03")
        _ = run.tick(EngineFixture.at("2026-12-04", 9))
        run.milestones = []
        let resolved = run.tick(EngineFixture.at("2026-12-04", 12))
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(resolved.first?.text.contains("the milestone was removed") == true)
    }

    @Test func theNoticeCarriesLevelDatesPriorNoticesAndHowToAnswerButNoRuleOrCommand() throws {
        var run = try Self.run(due: "2026-12-02")
        _ = run.tick(EngineFixture.at("2026-12-03", 9))
        let second = try #require(run.tick(EngineFixture.at("2026-12-04", 9)).first)
        let id = try #require(second.escalation?.id)
        #expect(id.hasPrefix("esc_") && id.count == 14)
        #expect(second.kind == .escalation && second.recipients == ["bob"])
        #expect(second.text == "Escalation level 2 of 3: Design sign-off · Apollo ERP upgrade is "
            + "2 business days overdue; it was due Wed 2 Dec. It has slipped 3 business days from its baseline, "
            + "Fri 27 Nov. Told before: Alice Ng (level 1, Thu 3 Dec 09:00, on the console). "
            + "To stop further notices, tell the person who runs Herald for this project that it is in hand.")
        let body = String(decoding: WebhookPayload.body(for: second), as: UTF8.self)
        #expect(body.contains("\"escalation\":{\"ack_url\":null,\"id\":\"\(id)\",\"level\":2,\"levels\":3,"
            + "\"policy\":\"missed-deadline\",\"repeat\":false}"))
    }

    @Test func anOpenEscalationInhibitsTheMilestonesPlainRemindersUntilItCloses() throws {
        let reminder = try EngineFixture.rule("late", when: "days_overdue >= 1", repeat: .every(.businessDays(1)))
        var run = try Self.run(due: "2026-12-03", reminders: [reminder])
        let first = run.tick(EngineFixture.at("2026-12-04", 9))
        #expect(first.map(\.kind) == [.escalation], "the escalation, not the plain reminder")
        #expect(run.suppressed.map(\.reason) == ["escalation open"])
        #expect(run.suppressed.first?.rule == "late")
        run.acknowledge(rule: "overdue", by: "alice", at: EngineFixture.at("2026-12-04", 10))
        let afterAck = run.tick(EngineFixture.at("2026-12-04", 11))
        #expect(afterAck.map(\.kind) == [.reminder], "acknowledged: plain reminders resume; no resolved to alice")
    }

    @Test func aSnoozedMilestoneOpensNoEscalationUntilTheSnoozeEnds() throws {
        var run = try Self.run(due: "2026-12-03")
        let day = CivilDate(iso: "2026-12-07")!
        run.suppressions = Suppressions(snoozes: [Snooze(
            projectID: "apollo", milestoneID: "design",
            end: .date(day, startsAt: EngineFixture.calendar.instant(of: day, minuteOfDay: 0)), by: "bob",
            createdAt: EngineFixture.at("2026-12-03", 17)
        )])
        #expect(run.tick(EngineFixture.at("2026-12-04", 9)).isEmpty)
        #expect(run.allEscalations.isEmpty)
        #expect(run.suppressed.map(\.kind) == [.escalation])
        #expect(run.suppressed.first?.recipients == ["alice"], "who level 1 would have told")
        let opened = run.tick(EngineFixture.at("2026-12-07", 9))
        #expect(opened.map(\.escalation?.level) == [1], "the snooze is over: the ladder starts from level 1")
    }

    @Test func aSnoozeOverTwoLevelIntervalsPausesTheLadderAndItResumesOneLevelAtATime() throws {
        var run = try Self.run(due: "2026-12-03")
        #expect(run.tick(EngineFixture.at("2026-12-04", 9)).map(\.escalation?.level) == [1])
        let day = CivilDate(iso: "2026-12-14")!
        run.suppressions = Suppressions(snoozes: [Snooze(
            projectID: "apollo", milestoneID: "design",
            end: .date(day, startsAt: EngineFixture.calendar.instant(of: day, minuteOfDay: 0)), by: "bob",
            createdAt: EngineFixture.at("2026-12-04", 9, 30)
        )])
        let snoozedFrom = EngineFixture.at("2026-12-04", 10)
        #expect(Self.notices(&run, from: snoozedFrom, days: 9).isEmpty, "levels 2 and 3 fell due during the snooze")
        let record = try #require(run.allEscalations.values.first)
        #expect(record.pausedAt == snoozedFrom)

        run.suppressions = Suppressions()
        let after = Self.notices(&run, from: EngineFixture.at("2026-12-14", 10), days: 8)
        #expect(after.map(\.description) == [
            "Tue 15 Dec 09:00 L2 [\"eng\"]", "Thu 17 Dec 09:00 L3 [\"board\"]",
            "Fri 18 Dec 09:00 L3r [\"board\"]", "Mon 21 Dec 09:00 L3r [\"board\"]",
        ], "level 2 comes the time that was left to it after the lift, then level 3 at its own interval")
    }

    @Test func nothingOpensWhileTheRuleDoesNotHold() throws {
        var run = try Self.run(due: "2026-12-18")
        #expect(Self.notices(&run, from: EngineFixture.at("2026-12-04", 0), days: 5).isEmpty)
        #expect(run.allEscalations.isEmpty)
    }

    @Test func aSnoozeAcrossARepeatShiftsTheRepeatByItsLength() throws {
        var run = try Self.run(due: "2026-12-03")
        #expect(Self.notices(&run, from: EngineFixture.at("2026-12-04", 9), days: 5).map(\.level) == [1, 2])
        #expect(run.tick(EngineFixture.at("2026-12-09", 9)).map(\.escalation?.level) == [3])
        let day = CivilDate(iso: "2026-12-14")!
        run.suppressions = Suppressions(snoozes: [Snooze(
            projectID: "apollo", milestoneID: "design",
            end: .date(day, startsAt: EngineFixture.calendar.instant(of: day, minuteOfDay: 0)), by: "bob",
            createdAt: EngineFixture.at("2026-12-09", 11, 30)
        )])
        #expect(Self.notices(&run, from: EngineFixture.at("2026-12-09", 12), days: 1).isEmpty,
                "the repeat due Thu 10 Dec 09:00 falls in the snooze")
        run.suppressions = Suppressions()
        let after = Self.notices(&run, from: EngineFixture.at("2026-12-10", 12), days: 6)
        #expect(after.map(\.description) == ["Fri 11 Dec 09:00 L3r [\"board\"]", "Mon 14 Dec 09:00 L3r [\"board\"]"],
                "a day's snooze puts the repeat a business day later, not at the lift")
    }

    @Test func aLevelFallsAtTheStartOfItsRecipientsHoursInTheirZone() throws {
        var run = try Self.run(due: "2026-12-03")
        var configuration = run.engine.configuration
        configuration.people["bob"]?.timeZone = TimeZone(identifier: "Asia/Kolkata")
        run = EngineRun(configuration: configuration)
        #expect(run.tick(EngineFixture.at("2026-12-04", 9)).map(\.escalation?.level) == [1])
        #expect(run.tick(EngineFixture.at("2026-12-07", 3, 29)).isEmpty)
        let second = run.tick(EngineFixture.at("2026-12-07", 3, 30))
        #expect(second.map(\.escalation?.level) == [2], "Mon 7 Dec 09:00 in Kolkata is 03:30 in London")
        #expect(second.map(\.recipients) == [["bob"]])
        #expect(second.first?.heldUntil == nil, "within the manager's hours")
        let record = try #require(run.escalations.values.first)
        #expect(record.nextAt == EngineFixture.at("2026-12-09", 3, 30),
                "level 3 reaches bob too, among the sponsors: 09:00 in Kolkata comes first")
    }
}
