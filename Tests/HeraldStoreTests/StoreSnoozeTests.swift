import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreSnoozeTests {
    func snooze(_ milestone: String?, until: String? = "2026-12-07", at: Date = t0, by: String? = "bob") -> Snooze {
        let end: Snooze.End = until.map { .date(date($0), startsAt: t0.addingTimeInterval(7 * 86_400)) }
            ?? .dueChange(from: date("2026-12-04"))
        return Snooze(projectID: "apollo", milestoneID: milestone, end: end, by: by, note: "on leave", createdAt: at)
    }

    func suppression(at: Date, day: String, reason: SuppressionReason = .projectOnHold) -> Suppression {
        Suppression(
            at: at, day: date(day), kind: .reminder, rule: "due-soon", milestone: milestone("design"),
            recipients: ["alice"], channels: ["eng"], reason: reason
        )
    }

    @Test func aSnoozeIsInForceUntilItsDateAndANewOneReplacesTheOld() throws {
        let store = try HeraldStore.inMemory()
        try store.add(snooze: snooze("design"))
        try store.add(snooze: snooze(nil))
        #expect(try store.activeSnoozes(at: t0).map(\.target) == ["apollo", "apollo/design"])
        #expect(try store.activeSnoozes(at: t0.addingTimeInterval(7 * 86_400)).isEmpty, "over at the start of the date")
        let replacement = snooze("design", until: nil, at: t0.addingTimeInterval(60), by: "carol")
        try store.add(snooze: replacement)
        #expect(try store.activeSnoozes(at: t0.addingTimeInterval(120)) == [snooze(nil), replacement])
        #expect(try store.liftSnooze(projectID: "apollo", milestoneID: nil, at: t0.addingTimeInterval(180)) == 1)
        #expect(try store.liftSnooze(projectID: "apollo", milestoneID: nil, at: t0.addingTimeInterval(180)) == 0)
        #expect(try store.activeSnoozes(at: t0.addingTimeInterval(240)) == [replacement], "the milestone's own stays")
    }

    @Test func changingTheDueLiftsASnoozeUntilTheDueChanges() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)
        try store.add(snooze: snooze("design", until: nil))
        try store.apply(projects: [project([milestone("design", title: "Renamed")])], source: fileSource,
                        at: t0.addingTimeInterval(60))
        #expect(try store.activeSnoozes(at: t0.addingTimeInterval(60)).count == 1, "another field changed: still on")
        try store.apply(projects: [project([milestone("design", title: "Renamed", due: "2026-12-11")])],
                        source: fileSource, at: t0.addingTimeInterval(120))
        #expect(try store.activeSnoozes(at: t0.addingTimeInterval(120)).isEmpty)
        try store.apply(projects: [project([milestone("design", title: "Renamed")])], source: fileSource,
                        at: t0.addingTimeInterval(180))
        #expect(try store.activeSnoozes(at: t0.addingTimeInterval(180)).isEmpty, "moving it back does not revive it")
        let events = try store.timeline(LogFilter()).filter {
            guard case .changed = $0 else { return true }
            return false
        }
        #expect(events.count == 2)
        guard case .unsnoozed(_, let at, let reason) = events.last else {
            Issue.record("expected the snooze to end in the log")
            return
        }
        #expect(at == t0.addingTimeInterval(120) && reason == "due changed")
    }

    @Test func aLastingSuppressionIsRecordedOnceADayNotEveryTick() throws {
        let store = try HeraldStore.inMemory()
        for minute in 0..<5 {
            try store.commit(ruleStates: [], messages: [], suppressions: [
                suppression(at: t0.addingTimeInterval(Double(minute) * 60), day: "2026-12-01"),
            ], at: t0)
        }
        try store.commit(ruleStates: [], messages: [], suppressions: [
            suppression(at: t0.addingTimeInterval(300), day: "2026-12-01", reason: .escalationOpen),
            suppression(at: t0.addingTimeInterval(86_400), day: "2026-12-02"),
        ], at: t0)
        let recorded = try store.timeline(LogFilter()).compactMap { event -> Suppression? in
            guard case .suppressed(let suppression) = event else { return nil }
            return suppression
        }
        #expect(recorded.map(\.reason) == ["project on hold", "escalation open", "project on hold"])
        #expect(recorded.first == suppression(at: t0, day: "2026-12-01"), "the day's first is kept, read back whole")
    }

    @Test func theTimelineInterleavesMessagesSuppressionsAndSnoozesAndFiltersThem() throws {
        let store = try HeraldStore.inMemory()
        try store.add(snooze: snooze("design", at: t0))
        try store.commit(ruleStates: [], messages: [message("msg_a", at: t0.addingTimeInterval(60))], at: t0)
        try store.commit(ruleStates: [], messages: [], suppressions: [
            suppression(at: t0.addingTimeInterval(120), day: "2026-12-01", reason: .snoozed(snooze("design"))),
        ], at: t0)
        try store.liftSnooze(projectID: "apollo", milestoneID: "design", at: t0.addingTimeInterval(180))
        let kinds = { (filter: LogFilter) in
            try store.timeline(filter).map { event -> String in
                switch event {
                case .message: "message"
                case .suppressed: "suppressed"
                case .changed: "changed"
                case .snoozed: "snoozed"
                case .unsnoozed: "unsnoozed"
                case .acknowledged: "ack"
                case .chat: "chat"
                }
            }
        }
        #expect(try kinds(LogFilter()) == ["snoozed", "message", "suppressed", "unsnoozed"])
        #expect(try kinds(LogFilter(since: t0.addingTimeInterval(90))) == ["suppressed", "unsnoozed"])
        #expect(try kinds(LogFilter(channel: "eng")) == ["message", "suppressed"])
        #expect(try kinds(LogFilter(channel: "mail")).isEmpty)
        #expect(try kinds(LogFilter(milestoneID: "build")).isEmpty)
        #expect(try kinds(LogFilter(projectID: "zeus")).isEmpty)
        #expect(try kinds(LogFilter(limit: 2)) == ["suppressed", "unsnoozed"])
    }
}
