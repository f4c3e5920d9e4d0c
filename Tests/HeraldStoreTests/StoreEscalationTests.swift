import Foundation
import Testing
import HeraldCore
@testable import HeraldStore

/// Escalation state in the store: a restart resumes the ladder, an acknowledgement is never overwritten, and a
/// completed milestone withdraws its unsent reminders.
@Suite struct StoreEscalationTests {
    static let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)

    static func configuration(projects: [Project]) throws -> Configuration {
        let policy = EscalationPolicy(name: "missed-deadline", levels: [
            .init(after: nil, notify: [.owner]),
            .init(after: .businessDays(1), notify: [.manager]),
        ])
        let rule = Rule(
            name: "overdue", condition: try RuleExpression.compile("days_overdue >= 1"), action: .escalate(policy.name)
        )
        return Configuration(
            file: "herald.yaml", stateDirectory: "/tmp", projectsDirectory: "/tmp", calendar: calendar,
            people: [
                "alice": Person(key: "alice", name: "Alice", channel: "eng"),
                "bob": Person(key: "bob", name: "Bob", channel: "eng"),
            ],
            channels: ["eng": Channel(name: "eng", kind: .console)], rules: [rule],
            escalations: [policy.name: policy], projects: projects
        )
    }

    static func at(_ day: String, _ hour: Int) -> Date {
        calendar.instant(of: date(day), minuteOfDay: hour * 60)
    }

    /// One engine round against `store`, committed like the daemon's tick.
    @discardableResult
    static func tick(_ engine: RuleEngine, _ store: HeraldStore, at now: Date) throws -> [OutgoingMessage] {
        let decisions = engine.evaluate(
            milestones: try store.trackedMilestones(), states: try store.ruleStates(),
            escalations: try store.currentEscalations(), now: now
        )
        try store.commit(
            ruleStates: decisions.ruleStates, messages: decisions.messages, escalations: decisions.escalations, at: now
        )
        return decisions.messages
    }

    @Test func aRestartResumesTheLadderWithoutResendingOrLosingALevel() throws {
        let directory = try temporaryDirectory()
        let projects = [project([milestone("design", due: "2026-12-03")])]
        let engine = RuleEngine(configuration: try Self.configuration(projects: projects))
        do {
            let store = try HeraldStore(directory: directory)
            try store.apply(projects: projects, source: fileSource, at: Self.at("2026-12-04", 8))
            #expect(try Self.tick(engine, store, at: Self.at("2026-12-04", 9)).map(\.recipients) == [["alice"]])
        }
        let reopened = try HeraldStore(directory: directory)
        #expect(try Self.tick(engine, reopened, at: Self.at("2026-12-04", 15)).isEmpty, "level 1 is never re-sent")
        let second = try Self.tick(engine, reopened, at: Self.at("2026-12-07", 9))
        #expect(second.map(\.recipients) == [["bob"]], "level 2 comes at its time after the restart")
        let stored = try #require(try reopened.escalations().first)
        #expect(stored.levelsNotified == 2 && stored.notices.map(\.level) == [1, 2])
        #expect(try reopened.log(LogFilter()).map(\.message.kind) == [.escalation, .escalation])
    }

    @Test func anAcknowledgementMadeDuringARoundIsNeverOverwritten() throws {
        let store = try HeraldStore.inMemory()
        let projects = [project([milestone("design", due: "2026-12-03")])]
        let engine = RuleEngine(configuration: try Self.configuration(projects: projects))
        try store.apply(projects: projects, source: fileSource, at: Self.at("2026-12-04", 8))
        try Self.tick(engine, store, at: Self.at("2026-12-04", 9))
        try Self.deliverAll(store, at: Self.at("2026-12-04", 9))
        let id = try #require(try store.escalations().first?.id)

        let now = Self.at("2026-12-07", 9)
        let decisions = engine.evaluate(
            milestones: try store.trackedMilestones(), states: try store.ruleStates(),
            escalations: try store.currentEscalations(), now: now
        )
        #expect(decisions.messages.count == 1, "level 2 decided from the state read before the ack")
        guard case .acknowledged = try store.acknowledge(escalationID: id, by: "bob", note: nil, at: now) else {
            Issue.record("expected the open escalation to be acknowledged")
            return
        }
        #expect(throws: HeraldStoreError.escalationChanged(id)) {
            try store.commit(
                ruleStates: decisions.ruleStates, messages: decisions.messages, escalations: decisions.escalations,
                at: now
            )
        }
        #expect(try store.log(LogFilter()).count == 1, "the level-2 notice was not stored")
        #expect(try store.escalation(id: id)?.state == .acknowledged)

        let retried = try Self.tick(engine, store, at: now)
        #expect(retried.map(\.kind) == [.resolved], "evaluated again: the acknowledgement is announced instead")
    }

    @Test func acknowledgingTwiceOrAnUnknownId() throws {
        let store = try HeraldStore.inMemory()
        let projects = [project([milestone("design", due: "2026-12-03")])]
        try store.apply(projects: projects, source: fileSource, at: Self.at("2026-12-04", 8))
        try Self.tick(RuleEngine(configuration: try Self.configuration(projects: projects)), store,
                      at: Self.at("2026-12-04", 9))
        let id = try #require(try store.escalations(states: [.open]).first?.id)
        let first = try store.acknowledge(escalationID: id, by: "bob", note: "mine", at: Self.at("2026-12-04", 10))
        guard case .acknowledged(let record) = first else { Issue.record("not acknowledged"); return }
        #expect(record.acknowledgement == Acknowledgement(by: "bob", at: Self.at("2026-12-04", 10), note: "mine"))
        let second = try store.acknowledge(escalationID: id, by: "carol", note: nil, at: Self.at("2026-12-04", 11))
        guard case .alreadyClosed(let unchanged) = second else { Issue.record("acknowledged twice"); return }
        #expect(unchanged.acknowledgement?.by == "bob")
        #expect(try store.escalations(states: [.open]).isEmpty)
        #expect(throws: HeraldStoreError.unknownEscalation("esc_nope")) {
            try store.acknowledge(escalationID: "esc_nope", by: "bob", note: nil, at: Self.at("2026-12-04", 11))
        }
    }

    @Test func completionCancelsTheMilestonesUnsentRemindersButNotAnnouncements() throws {
        let store = try HeraldStore.inMemory()
        let design = milestone("design")
        let build = milestone("build")
        try store.apply(projects: [project([design, build])], source: fileSource, at: t0)
        var announcement = message("msg_announce", milestones: ["design"])
        announcement.kind = .announcement
        try store.commit(
            ruleStates: [], messages: [message("msg_design"), message("msg_build", milestones: ["build"]), announcement],
            at: t0
        )
        var done = design
        done.status = .done
        try store.apply(projects: [project([done, build])], source: fileSource, at: t0.addingTimeInterval(60))

        let states = Dictionary(uniqueKeysWithValues: try store.log(LogFilter()).map {
            ($0.message.id, ($0.delivery.state, $0.delivery.lastError))
        })
        #expect(states["msg_design"]?.0 == .cancelled)
        #expect(states["msg_design"]?.1 == "Title of design is done")
        #expect(states["msg_build"]?.0 == .pending, "another milestone's reminder is untouched")
        #expect(states["msg_announce"]?.0 == .pending, "announcements are never withdrawn")
        #expect(try store.leaseDueDeliveries(now: t0.addingTimeInterval(120), limit: 10, leaseSeconds: 30)
            .map(\.message.id).sorted() == ["msg_announce", "msg_build"])
    }

    /// Delivers every due delivery, as a dispatcher would.
    static func deliverAll(_ store: HeraldStore, at now: Date) throws {
        let leased = try store.leaseDueDeliveries(now: now, limit: 50, leaseSeconds: 30)
        for item in leased {
            let attempt = AttemptRecord(
                deliveryID: item.delivery.id, startedAt: now, latencyMilliseconds: 5, httpStatus: 200, curlCode: 0,
                error: nil, responseExcerpt: nil
            )
            try store.record(attempt: attempt, outcome: DeliveryOutcome.delivered)
        }
    }

    static func deliveryStates(_ store: HeraldStore) throws -> [String: (DeliveryState, String?)] {
        Dictionary(uniqueKeysWithValues: try store.log(LogFilter()).map {
            ($0.message.id, ($0.delivery.state, $0.delivery.lastError))
        })
    }

    @Test func anAcknowledgementWithdrawsTheHeldNoticeAndNoOneIsToldItIsResolved() throws {
        let store = try HeraldStore.inMemory()
        let projects = [project([milestone("design", due: "2026-12-03")])]
        let engine = RuleEngine(configuration: try Self.configuration(projects: projects))
        try store.apply(projects: projects, source: fileSource, at: Self.at("2026-12-04", 8))
        let notice = try #require(try Self.tick(engine, store, at: Self.at("2026-12-04", 9)).first)
        let id = try #require(try store.escalations().first?.id)

        _ = try store.acknowledge(escalationID: id, by: "bob", note: nil, at: Self.at("2026-12-04", 10))
        let state = try #require(try Self.deliveryStates(store)[notice.id])
        #expect(state.0 == .cancelled)
        #expect(state.1 == "withdrawn: acknowledged by bob")
        #expect(try Self.tick(engine, store, at: Self.at("2026-12-04", 11)).isEmpty,
                "the owner never received a notice, so no resolution reaches them")
    }

    @Test func resolvedGoesOnlyToThoseANoticeReachedAndNeverToTheAcknowledger() throws {
        let store = try HeraldStore.inMemory()
        let projects = [project([milestone("design", due: "2026-12-03")])]
        let engine = RuleEngine(configuration: try Self.configuration(projects: projects))
        try store.apply(projects: projects, source: fileSource, at: Self.at("2026-12-04", 8))
        try Self.tick(engine, store, at: Self.at("2026-12-04", 9))
        try Self.deliverAll(store, at: Self.at("2026-12-04", 9))
        let second = try #require(try Self.tick(engine, store, at: Self.at("2026-12-07", 9)).first)
        #expect(second.recipients == ["bob"])
        let id = try #require(try store.escalations().first?.id)

        _ = try store.acknowledge(escalationID: id, by: "bob", note: nil, at: Self.at("2026-12-07", 9))
        #expect(try Self.deliveryStates(store)[second.id]?.0 == .cancelled, "bob's level-2 notice is withdrawn")
        let resolved = try Self.tick(engine, store, at: Self.at("2026-12-07", 10))
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(resolved.map(\.recipients) == [["alice"]], "only alice received a notice; bob acknowledged")
    }

    @Test func anEscalationWhoseRuleStopsHoldingWithdrawsItsUnsentNotices() throws {
        let store = try HeraldStore.inMemory()
        var design = milestone("design", due: "2026-12-03")
        let engine = RuleEngine(configuration: try Self.configuration(projects: [project([design])]))
        try store.apply(projects: [project([design])], source: fileSource, at: Self.at("2026-12-04", 8))
        let notice = try #require(try Self.tick(engine, store, at: Self.at("2026-12-04", 9)).first)
        design.due = date("2026-12-10")
        try store.apply(projects: [project([design])], source: fileSource, at: Self.at("2026-12-04", 10))
        #expect(try Self.tick(engine, store, at: Self.at("2026-12-04", 11)).isEmpty, "no one was told: no resolved")
        let state = try #require(try Self.deliveryStates(store)[notice.id])
        #expect(state.0 == .cancelled)
        #expect(state.1?.hasPrefix("withdrawn: ") == true)
    }

    @Test func aSnoozeWithdrawsTheMilestonesQueuedRemindersAndNoticesOnly() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design"), milestone("build")])], source: fileSource, at: t0)
        var announcement = message("msg_announce", milestones: ["design"])
        announcement.kind = .announcement
        try store.commit(
            ruleStates: [],
            messages: [message("msg_design"), message("msg_build", milestones: ["build"]), announcement],
            at: t0
        )
        try store.add(snooze: Snooze(
            projectID: "apollo", milestoneID: "design",
            end: .date(date("2026-12-07"), startsAt: Self.at("2026-12-07", 0)), by: "bob", note: nil,
            createdAt: t0.addingTimeInterval(60)
        ))
        let states = try Self.deliveryStates(store)
        #expect(states["msg_design"]?.0 == .cancelled)
        #expect(states["msg_design"]?.1 == "withdrawn: snoozed until Mon 7 Dec")
        #expect(states["msg_build"]?.0 == .pending)
        #expect(states["msg_announce"]?.0 == .pending)
    }

    /// Leases the due deliveries at `now` and records each attempt as answered `status`.
    static func attempt(_ store: HeraldStore, at now: Date, status: Int, outcome: DeliveryOutcome) throws {
        for item in try store.leaseDueDeliveries(now: now, limit: 50, leaseSeconds: 30) {
            try store.record(attempt: AttemptRecord(
                deliveryID: item.delivery.id, startedAt: now, latencyMilliseconds: 5, httpStatus: status,
                curlCode: 0, error: nil, responseExcerpt: nil
            ), outcome: outcome)
        }
    }

    @Test func aNoticeRetryingWhenAcknowledgedIsLetFinishAndWhoItReachesIsToldItIsResolved() throws {
        let store = try HeraldStore.inMemory()
        let projects = [project([milestone("design", due: "2026-12-03")])]
        let engine = RuleEngine(configuration: try Self.configuration(projects: projects))
        try store.apply(projects: projects, source: fileSource, at: Self.at("2026-12-04", 8))
        let notice = try #require(try Self.tick(engine, store, at: Self.at("2026-12-04", 9)).first)
        let retryAt = Self.at("2026-12-04", 9).addingTimeInterval(600)
        try Self.attempt(store, at: Self.at("2026-12-04", 9), status: 503,
                         outcome: .retry(at: retryAt, reason: "HTTP 503"))
        let id = try #require(try store.escalations().first?.id)

        _ = try store.acknowledge(
            escalationID: id, by: "bob", note: nil, at: Self.at("2026-12-04", 9).addingTimeInterval(60)
        )
        #expect(try Self.deliveryStates(store)[notice.id]?.0 == .retrying, "tried already: it may have been read")
        #expect(try Self.tick(engine, store, at: Self.at("2026-12-04", 9).addingTimeInterval(120)).isEmpty,
                "alice has not received it yet")

        try Self.attempt(store, at: retryAt, status: 200, outcome: .delivered)
        let resolved = try Self.tick(engine, store, at: retryAt.addingTimeInterval(60))
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(resolved.map(\.recipients) == [["alice"]], "the notice reached alice after the acknowledgement")
        #expect(try Self.tick(engine, store, at: retryAt.addingTimeInterval(120)).isEmpty, "told once")
    }

    @Test func aNoticeBeingSentWhenTheMilestoneIsDoneIsToldItIsResolvedOnceItArrives() throws {
        let store = try HeraldStore.inMemory()
        var design = milestone("design", due: "2026-12-03")
        let engine = RuleEngine(configuration: try Self.configuration(projects: [project([design])]))
        try store.apply(projects: [project([design])], source: fileSource, at: Self.at("2026-12-04", 8))
        let nine = Self.at("2026-12-04", 9)
        let notice = try #require(try Self.tick(engine, store, at: nine).first)
        let leased = try store.leaseDueDeliveries(now: nine, limit: 10, leaseSeconds: 30)
        design.status = .done
        try store.apply(projects: [project([design])], source: fileSource, at: nine.addingTimeInterval(5))
        #expect(try Self.tick(engine, store, at: nine.addingTimeInterval(10)).isEmpty, "it has reached no one yet")
        #expect(try Self.deliveryStates(store)[notice.id]?.0 == .pending, "being sent: left to finish")

        for item in leased {
            try store.record(attempt: AttemptRecord(
                deliveryID: item.delivery.id, startedAt: nine.addingTimeInterval(15), latencyMilliseconds: 5,
                httpStatus: 200, curlCode: 0, error: nil, responseExcerpt: nil
            ), outcome: .delivered)
        }
        let resolved = try Self.tick(engine, store, at: nine.addingTimeInterval(60))
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(resolved.map(\.recipients) == [["alice"]])
        let text = try #require(resolved.first?.text)
        #expect(text.contains("Title of design · ") && text.contains(": it is done."))
        #expect(try Self.tick(engine, store, at: nine.addingTimeInterval(120)).isEmpty, "told once")
        #expect(try store.currentEscalations().isEmpty, "nothing is owed any more")
    }
}
