import Foundation
import Testing
@testable import HeraldCore

/// The release step: a message is checked against the facts when it may go, and messages to the same people at
/// one moment go as one bundle.
@Suite struct ReleaseTests {
    /// The engine fixture with `eng` as a webhook (console channels are never held), `rules` and `milestones`.
    static func engine(
        rules: [Rule]? = nil, milestones: [Milestone] = [EngineFixture.milestone()], bundling: Bundling = Bundling(),
        maxPerDay: Int? = nil
    ) throws -> RuleEngine {
        var configuration = EngineFixture.configuration(
            rules: try rules ?? [EngineFixture.rule()], projects: [EngineFixture.project(milestones: milestones)]
        )
        configuration.channels["eng"] = Channel(
            name: "eng", kind: .webhook(url: Secret("https://hooks.example.com/h"), secrets: [])
        )
        configuration.bundling = bundling
        configuration.people["alice"]?.maxPerDay = maxPerDay
        return RuleEngine(configuration: configuration)
    }

    /// What `engine` decides at `now` over `milestones`, as waiting candidates (delivery ids from 1).
    static func decide(_ engine: RuleEngine, _ milestones: [Milestone], at now: Date) -> [ReleaseCandidate] {
        let tracked = milestones.map { TrackedMilestone(milestone: $0, updatedAt: EngineFixture.at("2026-11-20", 9)) }
        return engine.evaluate(milestones: tracked, states: [:], now: now).messages.enumerated().map {
            ReleaseCandidate(deliveryID: Int64($0.offset + 1), message: $0.element, dueAt: $0.element.releasedAt)
        }
    }

    /// The facts with `milestones` changed at `changedAt`.
    static func facts(_ milestones: [Milestone], changedAt: Date) -> ReleaseFacts {
        ReleaseFacts(milestones: milestones.map { TrackedMilestone(milestone: $0, updatedAt: changedAt) },
                     escalations: [:])
    }

    static let evening = EngineFixture.at("2026-12-01", 18, 36)
    static let nine = EngineFixture.at("2026-12-02", 9)

    @Test func aReminderHeldOvernightIsWrittenAgainWhenItsDueDateMovedAndItsRuleStillHolds() throws {
        let engine = try Self.engine()
        let decided = Self.decide(engine, [EngineFixture.milestone()], at: Self.evening)
        try #require(decided.count == 1)
        #expect(decided[0].message.heldUntil == Self.nine)
        #expect(decided[0].message.text.contains("Fri 4 Dec"))
        let moved = EngineFixture.milestone(due: "2026-12-03")
        let check = engine.check(decided[0].message, against: Self.facts([moved], changedAt: Self.evening + 600))
        guard case .rewritten(let message) = check else {
            Issue.record("expected a rewrite, got \(check)")
            return
        }
        #expect(message.id == decided[0].message.id, "the same message, under its id")
        #expect(message.text.hasPrefix("Design sign-off · Apollo ERP upgrade is due in 1 business day, Thu 3 Dec."))
        #expect(message.milestones.first?.due == day("2026-12-03"))
    }

    /// (the milestone at release, the reason it is withdrawn).
    static let superseded: [(Milestone, String)] = [
        (EngineFixture.milestone(due: "2026-12-10"), "superseded: due moved to Thu 10 Dec"),
        (EngineFixture.milestone(status: .done), "superseded: marked done"),
        (EngineFixture.milestone(status: .cancelled), "superseded: cancelled"),
    ]

    @Test(arguments: superseded) func aHeldReminderWhoseRuleNoLongerHoldsIsWithdrawn(
        milestone: Milestone, reason: String
    ) throws {
        let engine = try Self.engine()
        let decided = Self.decide(engine, [EngineFixture.milestone()], at: Self.evening)
        let plan = engine.release(
            decided, facts: Self.facts([milestone], changedAt: Self.evening + 600), now: Self.nine
        ) { _, _ in 0 }
        #expect(plan.withdrawn == [.init(deliveryID: 1, reason: reason)])
        #expect(!plan.sendsAnything)
    }

    @Test func aRemovedMilestonesReminderIsWithdrawnAndAnUnchangedOneGoesAsDecided() throws {
        let engine = try Self.engine()
        let message = Self.decide(engine, [EngineFixture.milestone()], at: Self.evening)[0].message
        #expect(engine.check(message, against: Self.facts([], changedAt: Self.evening))
                    == .withdrawn("superseded: Design sign-off was removed"))
        let unchanged = ReleaseFacts(
            milestones: [TrackedMilestone(milestone: EngineFixture.milestone(), updatedAt: Self.evening - 3_600)],
            escalations: [:]
        )
        #expect(engine.check(message, against: unchanged) == .asDecided)
    }

    @Test func anEscalationNoticeIsWithdrawnOnceItsEscalationIsAcknowledged() throws {
        let engine = try Self.engine()
        let key = RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: "design")
        let notice = OutgoingMessage(
            id: "msg_notice", createdAt: Self.evening, kind: .escalation, rule: "overdue",
            project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"),
            milestones: [MilestoneRef(EngineFixture.milestone(), in: nil)], channel: "eng", recipients: ["alice"],
            mentions: ["<@U1>"], text: "Escalation level 1 of 3", escalation: EscalationRef(
                id: "esc_1", policy: "standard", level: 1, levels: 3
            ), heldUntil: Self.nine
        )
        var record = EscalationRecord(
            id: "esc_1", key: key, policy: "standard", due: day("2026-12-04"), openedAt: Self.evening
        )
        let milestones = [TrackedMilestone(milestone: EngineFixture.milestone(), updatedAt: Self.evening - 60)]
        #expect(engine.check(notice, against: ReleaseFacts(milestones: milestones, escalations: [key: record]))
            == .asDecided)
        record.state = .acknowledged
        record.acknowledgement = Acknowledgement(by: "bob", at: Self.evening + 60, note: nil)
        #expect(engine.check(notice, against: ReleaseFacts(milestones: milestones, escalations: [key: record]))
            == .withdrawn("superseded: acknowledged by Bob Roe"))
        #expect(engine.check(notice, against: ReleaseFacts(milestones: milestones, escalations: [:]))
            == .withdrawn("superseded: the escalation was closed"))
    }

    @Test func anEscalationNoticeHeldOvernightIsWrittenAgainWhenItsMilestoneChangedAndItIsStillOpen() throws {
        let engine = try Self.engine()
        let key = RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: "design")
        let decided = EngineFixture.milestone(due: "2026-11-27")
        let notice = OutgoingMessage(
            id: "msg_notice", createdAt: Self.evening, kind: .escalation, rule: "overdue",
            project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"),
            milestones: [MilestoneRef(decided, in: nil)], channel: "eng", recipients: ["alice"],
            mentions: ["<@U1>"], text: "Escalation level 1 of 3: as decided", escalation: EscalationRef(
                id: "esc_1", policy: "standard", level: 1, levels: 3
            ), heldUntil: Self.nine
        )
        let record = EscalationRecord(
            id: "esc_1", key: key, policy: "standard", due: day("2026-11-27"), openedAt: Self.evening
        )
        let blocked = EngineFixture.milestone(due: "2026-11-27", status: .blocked)
        let facts = ReleaseFacts(
            milestones: [TrackedMilestone(milestone: blocked, updatedAt: Self.evening + 600)],
            escalations: [key: record]
        )
        guard case .rewritten(let rewritten) = engine.check(notice, against: facts) else {
            Issue.record("an open escalation's notice about a changed milestone is written again")
            return
        }
        #expect(rewritten.id == notice.id && rewritten.escalation == notice.escalation)
        #expect(rewritten.text.hasPrefix("Escalation level 1 of 3: Design sign-off · Apollo ERP upgrade is "))
        #expect(rewritten.text.contains("Status: blocked."), "the facts of the release, not of the decision")
        #expect(rewritten.milestones.map(\.status) == [.blocked])
        let unchanged = ReleaseFacts(
            milestones: [TrackedMilestone(milestone: decided, updatedAt: Self.evening - 60)], escalations: [key: record]
        )
        #expect(engine.check(notice, against: unchanged) == .asDecided)
    }

    static let twelve = (1...12).map { EngineFixture.milestone("m\($0)") }

    @Test func twelveRemindersToOnePersonAtNineGoAsOneBundle() throws {
        let engine = try Self.engine(milestones: Self.twelve)
        let decided = Self.decide(engine, Self.twelve, at: Self.nine)
        #expect(decided.count == 12 && decided.allSatisfy { $0.message.heldUntil == nil })
        let plan = engine.release(decided, facts: Self.facts(Self.twelve, changedAt: Self.evening), now: Self.nine) {
            _, _ in 0
        }
        #expect(plan.released.isEmpty && plan.withdrawn.isEmpty)
        #expect(plan.bundles.count == 1)
        let bundle = try #require(plan.bundles.first)
        #expect(bundle.deliveryIDs == Array(1...12))
        #expect(bundle.note == "sent in \(bundle.message.id) with 11 others")
        #expect(bundle.message.kind == .bundle && bundle.message.recipients == ["alice"])
        let items = try #require(bundle.message.items)
        #expect(Set(items.map(\.id)) == Set(decided.map(\.message.id)), "each item keeps its own id")
        #expect(bundle.message.text.hasPrefix("12 milestones need you today\n- Design sign-off · Apollo ERP"))
        #expect(bundle.message.text.split(separator: "\n").count == 13, "a headline and one line per item")
    }

    @Test func theSameMilestoneFromTwoRulesIsOneItemNamingBoth() throws {
        let rules = [try EngineFixture.rule("due-soon"), try EngineFixture.rule("critical-soon")]
        let milestones = [EngineFixture.milestone("design"), EngineFixture.milestone("build")]
        let engine = try Self.engine(rules: rules, milestones: milestones)
        let decided = Self.decide(engine, milestones, at: Self.nine)
        #expect(decided.count == 4)
        let plan = engine.release(decided, facts: Self.facts(milestones, changedAt: Self.evening), now: Self.nine) {
            _, _ in 0
        }
        let items = try #require(plan.bundles.first?.message.items)
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0.rules == ["due-soon", "critical-soon"] })
        #expect(plan.bundles.first?.deliveryIDs.count == 4, "both rules' deliveries end with the bundle")
        #expect(plan.bundles.first?.message.text.hasPrefix("2 milestones need you today") == true)
    }

    @Test func twoRulesOnOneMilestoneAloneGoAsOneMessage() throws {
        let rules = [try EngineFixture.rule("due-soon"), try EngineFixture.rule("critical-soon")]
        let engine = try Self.engine(rules: rules)
        let decided = Self.decide(engine, [EngineFixture.milestone()], at: Self.nine)
        let plan = engine.release(
            decided, facts: Self.facts([EngineFixture.milestone()], changedAt: Self.evening), now: Self.nine
        ) { _, _ in 0 }
        #expect(plan.released == [1] && plan.bundles.isEmpty)
        let note = "sent in \(decided[0].message.id), which says the same"
        #expect(plan.carried == [.init(deliveryID: 2, by: 1, note: note)])
    }

    @Test func aWindowOfZeroSendsEachMessageOnItsOwn() throws {
        let engine = try Self.engine(milestones: Self.twelve, bundling: Bundling(window: 0))
        let decided = Self.decide(engine, Self.twelve, at: Self.nine)
        let plan = engine.release(decided, facts: Self.facts(Self.twelve, changedAt: Self.evening), now: Self.nine) {
            _, _ in 0
        }
        #expect(plan.bundles.isEmpty && plan.released == Array(1...12))
    }

    @Test func aBundleGoesWhenItsLastItemMayGoAndNoLaterThanAWindowAfterItsFirst() throws {
        let milestones = Array(Self.twelve.prefix(3))
        let engine = try Self.engine(milestones: milestones)
        var decided = Self.decide(engine, milestones, at: Self.nine)
        decided[1].dueAt = Self.nine + 60 // held a minute longer
        decided[2].dueAt = Self.nine + 180 // beyond the window of the first
        let facts = Self.facts(milestones, changedAt: Self.evening)
        let early = engine.release(decided, facts: facts, now: Self.nine) { _, _ in 0 }
        #expect(early == ReleasePlan(), "nothing goes before the second item's hold ends")
        let plan = engine.release(decided, facts: facts, now: Self.nine + 60) { _, _ in 0 }
        #expect(plan.bundles.map(\.deliveryIDs) == [[1, 2]])
        #expect(plan.released.isEmpty, "the third waits for its own moment")
    }

    @Test func urgentRulesSkipTheWindow() throws {
        var urgent = try EngineFixture.rule("urgent")
        urgent.urgent = true
        let milestones = Array(Self.twelve.prefix(3))
        let engine = try Self.engine(rules: [urgent], milestones: milestones)
        let decided = Self.decide(engine, milestones, at: Self.nine)
        let plan = engine.release(decided, facts: Self.facts(milestones, changedAt: Self.evening), now: Self.nine) {
            _, _ in 0
        }
        #expect(plan.bundles.isEmpty && plan.released == [1, 2, 3])
    }

    @Test func pastMaxPerDayTheRestFoldIntoOneSummaryAtTheEndOfTheWorkingDay() throws {
        let milestones = Array(Self.twelve.prefix(4))
        let engine = try Self.engine(milestones: milestones, bundling: Bundling(maxPerDay: 5), maxPerDay: 3)
        let decided = Self.decide(engine, milestones, at: Self.nine)
        let facts = Self.facts(milestones, changedAt: Self.evening)
        var counted: [String] = []
        let plan = engine.release(decided, facts: facts, now: Self.nine) { person, start in
            counted.append(person)
            #expect(start == EngineFixture.at("2026-12-02", 0))
            return 3 // alice has had three today: her own limit wins over the default of five
        }
        #expect(counted == ["alice"])
        let endOfDay = EngineFixture.at("2026-12-02", 17, 30)
        #expect(plan.deferred == (1...4).map { .init(deliveryID: Int64($0), until: endOfDay) })
        #expect(!plan.sendsAnything)
        let folded = decided.map { ReleaseCandidate(deliveryID: $0.deliveryID, message: $0.message, dueAt: endOfDay) }
        let summary = engine.release(folded, facts: facts, now: endOfDay) { _, _ in 3 }
        #expect(summary.bundles.map(\.deliveryIDs) == [[1, 2, 3, 4]], "one summary at the end of the day")
        let under = engine.release(decided, facts: facts, now: Self.nine) { _, _ in 2 }
        #expect(under.bundles.count == 1, "under the limit they go at once")
    }

    /// (kinds of the items, headline).
    static let headlines: [([MessageKind], String)] = [
        ([.reminder, .reminder, .reminder], "3 milestones need you today"),
        ([.escalation, .escalation], "2 milestones are escalated to you"),
        ([.announcement, .announcement], "2 milestones changed"),
        ([.reminder, .reminder, .escalation, .announcement],
         "4 milestones need you today: 2 reminders, 1 escalation and 1 change"),
        ([.reminder, .escalation], "2 milestones need you today: 1 reminder and 1 escalation"),
    ]

    @Test(arguments: headlines) func theHeadlineCountsWhatTheBundleCarries(kinds: [MessageKind], headline: String) {
        let items = kinds.enumerated().map { index, kind in
            BundleItem(
                id: "msg_\(index)", decidedAt: Self.nine, kind: kind, rules: ["r"],
                project: ProjectRef(id: "apollo", name: "Apollo"),
                milestones: [MilestoneRef(id: "m\(index)", title: "M", due: day("2026-12-04"), status: .inProgress,
                                          owner: "alice")],
                text: "item \(index)"
            )
        }
        #expect(BundleText.headline(items) == headline)
        #expect(BundleText.text(items) == ([headline] + items.map { "- \($0.text)" }).joined(separator: "\n"))
    }
}
