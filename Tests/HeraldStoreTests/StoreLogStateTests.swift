import Foundation
import HeraldCore
import HeraldStore
import Testing

/// The log's `state` filter is applied in SQL and agrees with how each event reads (`LogState(event)`), so the
/// dashboard and `herald log --state` bound what they read without missing a match.
@Suite struct StoreLogStateTests {
    /// One message in every state, a suppression, a snooze and a chat command.
    static func store() throws -> HeraldStore {
        let store = try HeraldStore.inMemory()
        _ = try store.apply(projects: [project([milestone("design"), milestone("build")])], source: fileSource, at: t0)
        var quiet = message("msg_quiet", milestones: ["build"])
        quiet.heldUntil = t0 + 7200
        quiet.holdReason = "quiet hours for alice until 09:00"
        let names = ["msg_delivered", "msg_retrying", "msg_dead", "msg_pending", "msg_withdrawn"]
        let messages = names.map { message($0, milestones: [$0 == "msg_withdrawn" ? "design" : "build"]) }
            + [quiet, message("msg_gone", milestones: ["build"], channel: "ops")]
        let snoozed = Suppression(
            at: t0, day: date("2026-11-30"), kind: .reminder, rule: "due-soon", projectID: "apollo",
            milestoneID: "build", recipients: ["alice"], channels: ["eng"], reasonCode: "snoozed", reason: "snoozed"
        )
        // Snoozed first: a snooze withdraws what is queued, and these messages are to stay in their states.
        try store.add(snooze: Snooze(
            projectID: "apollo", milestoneID: "build", end: .dueChange(from: date("2026-12-04")), createdAt: t0 + 3
        ))
        try store.commit(ruleStates: [], messages: messages, suppressions: [snoozed], at: t0)
        let leased = try store.leaseDueDeliveries(now: t0 + 1, limit: 10, leaseSeconds: 30)
        let outcomes: [String: DeliveryOutcome] = [
            "msg_delivered": .delivered, "msg_retrying": .retry(at: t0 + 60, reason: "HTTP 503"),
            "msg_dead": .dead(reason: "HTTP 400"), "msg_gone": .held(reason: "HTTP 410 Gone"),
        ]
        for lease in leased {
            guard let outcome = outcomes[lease.message.id] else { continue }
            let attempt = AttemptRecord(
                deliveryID: lease.delivery.id, startedAt: t0 + 1, latencyMilliseconds: 5, httpStatus: 200,
                curlCode: nil, error: nil, responseExcerpt: nil
            )
            try store.record(attempt: attempt, outcome: outcome)
        }
        try store.reclaimLeases()
        _ = try store.apply(
            projects: [project([milestone("design", status: .done), milestone("build")])], source: fileSource,
            at: t0 + 2
        )
        try store.record(chat: ChatExchange(
            at: t0 + 4, platform: "slack", userID: "U1", person: "alice", channel: "eng", text: "status",
            answer: "All on track.", outcome: .answered
        ))
        return store
    }

    @Test(arguments: LogState.allCases)
    func theFilterMatchesExactlyTheEventsInThatState(_ state: LogState) throws {
        let store = try Self.store()
        let everything = try store.timeline(LogFilter())
        let expected = everything.filter { LogState($0) == state }
        #expect(!expected.isEmpty, "the fixture has an event in every state")
        #expect(try store.timeline(LogFilter(state: state)) == expected)
        #expect(try store.timeline(LogFilter(state: state, limit: 1)) == Array(expected.suffix(1)))
    }

    @Test func everyEventButChangesSnoozesAndChatHasAState() throws {
        let events = try Self.store().timeline(LogFilter())
        let stateless = events.filter { LogState($0) == nil }.map { event -> String in
            switch event {
            case .snoozed: "snoozed"
            case .chat: "chat"
            case .changed: "changed"
            default: "other"
            }
        }
        #expect(Set(stateless) == ["changed", "chat", "snoozed"])
        #expect(stateless.filter { $0 != "changed" }.sorted() == ["chat", "snoozed"])
        let held = events.compactMap { event -> String? in
            guard case .message(let entry) = event, LogState(event) == .held else { return nil }
            return entry.message.id
        }
        #expect(held.sorted() == ["msg_gone", "msg_quiet"], "a disabled channel's and a quiet-hours hold")
    }
}
