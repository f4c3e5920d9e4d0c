import Foundation
import Testing
@testable import HeraldCore

/// Runs the engine over successive ticks, carrying the rule and escalation state forward like the store does.
struct EngineRun {
    let engine: RuleEngine
    var milestones: [TrackedMilestone]
    var states: [RuleStateKey: RuleState] = [:]
    /// The escalations the store would hand back (open, owing a resolution, or acknowledged and not re-armed).
    var escalations: [RuleStateKey: EscalationRecord] = [:]
    /// Every escalation ever written, by id.
    var allEscalations: [String: EscalationRecord] = [:]
    /// Snoozes and open escalations passed to every tick.
    var suppressions = Suppressions()
    /// Every suppression the ticks recorded.
    var suppressed: [Suppression] = []

    init(configuration: Configuration, ackLinks: AckLinks? = nil, milestoneLinks: MilestoneLinks? = nil) {
        engine = RuleEngine(configuration: configuration, ackLinks: ackLinks, milestoneLinks: milestoneLinks)
        milestones = configuration.projects.flatMap(\.milestones).map {
            TrackedMilestone(milestone: $0, updatedAt: EngineFixture.at("2026-11-20", 9))
        }
    }

    /// Evaluates at `now`, stores the new rule states, and returns the messages.
    mutating func tick(_ now: Date) -> [OutgoingMessage] {
        let decisions = engine.evaluate(
            milestones: milestones, states: states, escalations: escalations, now: now, suppressions: suppressions
        )
        for state in decisions.ruleStates { states[state.key] = state }
        suppressed += decisions.suppressions
        for update in decisions.escalations {
            let record = update.record
            allEscalations[record.id] = record
            let current = record.state == .open || !record.resolutionSent
                || (record.state == .acknowledged && !record.rearmed)
            if current {
                escalations[record.key] = Self.delivered(record, at: now)
            } else if escalations[record.key]?.id == record.id {
                escalations[record.key] = nil
            }
        }
        return decisions.messages
    }

    /// `record` as the store reads it back once every notice went out at `now`, as the dispatcher delivers it.
    static func delivered(_ record: EscalationRecord, at now: Date) -> EscalationRecord {
        var record = record
        for index in record.notices.indices where record.notices[index].deliveredAt == nil {
            record.notices[index].deliveredAt = now
        }
        return record
    }

    /// Acknowledges the open escalation of `rule` for `milestone`, as `herald ack` does in the store.
    mutating func acknowledge(rule: String, milestone: String = "design", by name: String, at: Date) {
        let key = RuleStateKey(rule: rule, projectID: "apollo", milestoneID: milestone)
        guard let record = escalations[key] else { return }
        var machine = EscalationMachine(record: record)
        guard machine.acknowledged(by: name, note: "on it", at: at) != .nothing else { return }
        escalations[key] = machine.record
        allEscalations[record.id] = machine.record
    }
}

@Suite struct RuleEngineTests {
    @Test func onceSendsOncePerDueDateAndReArmsWhenDueMoves() throws {
        let configuration = EngineFixture.configuration(
            rules: [try EngineFixture.rule()], projects: [EngineFixture.project(milestones: [EngineFixture.milestone()])]
        )
        var run = EngineRun(configuration: configuration)
        #expect(run.tick(EngineFixture.at("2026-11-27", 9)).isEmpty, "Fri 27 Nov: 5 business days out")
        let first = run.tick(EngineFixture.at("2026-12-01", 9))
        #expect(first.count == 1)
        #expect(first.first?.text == "Design sign-off · Apollo ERP upgrade is due in 3 business days, Fri 4 Dec. "
            + "It has slipped 5 business days from its baseline, Fri 27 Nov.")
        #expect(run.tick(EngineFixture.at("2026-12-01", 9, 1)).isEmpty)
        #expect(run.tick(EngineFixture.at("2026-12-02", 9)).isEmpty, "once means once per due date")
        run.milestones[0].milestone.due = CivilDate(iso: "2026-12-03")!
        let moved = run.tick(EngineFixture.at("2026-12-02", 9, 1))
        #expect(moved.count == 1, "a moved due date re-arms the rule")
        #expect(moved.first?.id != first.first?.id)
    }

    @Test func repeatEveryBusinessDaySkipsTheWeekend() throws {
        let rule = try EngineFixture.rule(when: "days_overdue >= 1", repeat: .every(.businessDays(1)))
        let configuration = EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [EngineFixture.milestone(due: "2026-12-02")])]
        )
        var run = EngineRun(configuration: configuration)
        #expect(run.tick(EngineFixture.at("2026-12-04", 10)).count == 1, "Fri: overdue, first send")
        #expect(run.tick(EngineFixture.at("2026-12-04", 16)).isEmpty, "same day: not yet")
        #expect(run.tick(EngineFixture.at("2026-12-05", 10)).isEmpty, "Saturday is not a business day")
        #expect(run.tick(EngineFixture.at("2026-12-07", 8, 59)).isEmpty, "Mon before working time")
        #expect(run.tick(EngineFixture.at("2026-12-07", 9)).count == 1, "Mon 09:00: the next business day's start")
        let key = RuleStateKey(rule: "due-soon", projectID: "apollo", milestoneID: "design")
        #expect(run.states[key]?.fireCount == 2)
    }

    @Test func repeatInHoursAndDays() throws {
        let hourly = try EngineFixture.rule("hourly", when: "true", repeat: .every(.hours(4)))
        let daily = try EngineFixture.rule("daily", when: "true", repeat: .every(.days(2)))
        let configuration = EngineFixture.configuration(
            rules: [hourly, daily], projects: [EngineFixture.project(milestones: [EngineFixture.milestone()])]
        )
        var run = EngineRun(configuration: configuration)
        #expect(run.tick(EngineFixture.at("2026-12-01", 8)).map(\.rule) == ["hourly", "daily"])
        #expect(run.tick(EngineFixture.at("2026-12-01", 11, 59)).isEmpty)
        #expect(run.tick(EngineFixture.at("2026-12-01", 12)).map(\.rule) == ["hourly"])
        #expect(run.tick(EngineFixture.at("2026-12-03", 8)).map(\.rule) == ["hourly"], "days repeat in hours")
        #expect(run.tick(EngineFixture.at("2026-12-03", 9)).map(\.rule) == ["daily"])
    }

    @Test func closedMilestonesAndFalseConditionsSendNothing() throws {
        let configuration = EngineFixture.configuration(
            rules: [try EngineFixture.rule(when: "true")],
            projects: [EngineFixture.project(milestones: [
                EngineFixture.milestone("a", status: .done), EngineFixture.milestone("b", status: .cancelled),
            ])]
        )
        var run = EngineRun(configuration: configuration)
        #expect(run.tick(EngineFixture.at("2026-12-01", 9)).isEmpty)
        #expect(run.states.isEmpty)
    }

    @Test func oneMessagePerChannelNamingEveryoneThere() throws {
        let rule = try EngineFixture.rule(when: "true", notify: [.owner, .manager, .audience("sponsors")])
        let configuration = EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [EngineFixture.milestone()])]
        )
        var run = EngineRun(configuration: configuration)
        let messages = run.tick(EngineFixture.at("2026-12-01", 9))
        #expect(messages.map(\.channel) == ["eng", "board"])
        #expect(messages[0].recipients == ["alice", "bob"])
        #expect(messages[0].mentions == ["<@U1>", "Bob Roe"])
        #expect(messages[1].recipients == ["carol", "bob"])
        #expect(Set(messages.map(\.id)).count == 2)
        #expect(messages.allSatisfy { $0.id.hasPrefix("msg_") && $0.id.count == 30 })
    }
}

@Suite struct RecipientResolverTests {
    let resolver = RecipientResolver(people: EngineFixture.people, audiences: EngineFixture.audiences)

    @Test func rolesComeFromTheMilestoneAndProject() {
        let milestone = EngineFixture.milestone(owner: "dan")
        let project = EngineFixture.project(milestones: [milestone])
        let (addresses, unreachable) = resolver.resolve([.owner, .sponsor], milestone: milestone, project: project)
        #expect(addresses == [
            ChannelAddress(channel: "eng", people: ["dan"], mentions: ["Dan Okafor"]),
            ChannelAddress(channel: "board", people: ["carol"], mentions: ["Carol Diaz"]),
        ], "dan has no channel: the project's is used")
        #expect(unreachable.isEmpty)
    }

    @Test func unreachableRecipientsAreReported() {
        let milestone = EngineFixture.milestone(owner: "dan")
        let project = EngineFixture.project(channel: nil, manager: nil, milestones: [milestone])
        let (addresses, unreachable) = resolver.resolve([.owner, .manager], milestone: milestone, project: project)
        #expect(addresses.isEmpty)
        #expect(unreachable.map(\.recipient) == ["owner", "manager"])
    }

    @Test func audiencesWithoutChannelsReachEachMember() {
        let (addresses, _) = resolver.resolve([.audience("leads"), .person("alice"), .channel("board")],
                                              milestone: nil, project: nil)
        #expect(addresses == [
            ChannelAddress(channel: "eng", people: ["alice"], mentions: ["<@U1>"]),
            ChannelAddress(channel: "board", people: ["carol"], mentions: ["Carol Diaz"]),
        ], "alice twice on one channel is named once; channel:board adds nobody")
    }
}
