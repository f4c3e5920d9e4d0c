import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreDigestRunTests {
    private func report(_ name: String = "weekly", at: Date) -> DigestReport {
        DigestReport(
            name: name, at: at, since: nil, late: false,
            headline: DigestHeadline(status: .amber, rule: "amber: a milestone slipped", trend: .first, reason: "r"),
            projects: []
        )
    }

    private func run(_ period: String, scheduledAt: Date?, runAt: Date, sent: Bool = true) -> DigestRun {
        DigestRun(
            digest: "weekly", period: period, scheduledAt: scheduledAt, runAt: runAt, report: report(at: runAt),
            sent: sent, late: false
        )
    }

    private func digestMessage(_ id: String, at: Date) -> OutgoingMessage {
        var digest = message(id, at: at, milestones: [])
        digest.kind = .digest
        digest.digest = report(at: at)
        return digest
    }

    @Test func aPeriodIsRecordedOnceWithItsMessages() throws {
        let store = try HeraldStore.inMemory()
        let first = run("2026-11-30T09:00", scheduledAt: t0, runAt: t0)
        #expect(try store.commit(digestRun: first, messages: [digestMessage("msg_a", at: t0)]))
        let again = run("2026-11-30T09:00", scheduledAt: t0, runAt: t0.addingTimeInterval(60))
        #expect(try !store.commit(digestRun: again, messages: [digestMessage("msg_b", at: t0)]),
                "a second run of the period is refused")
        #expect(try store.digestRuns(name: "weekly").map(\.runAt) == [t0])
        #expect(try store.waitingDeliveries().map(\.message.id) == ["msg_a"], "its messages are not written either")
        #expect(try store.message(id: "msg_a")?.digest == report(at: t0), "the message keeps its structured report")
    }

    @Test func runStateTracksTheScheduleTheLastSlotAndTheLastSentReport() throws {
        let store = try HeraldStore.inMemory()
        let first = try store.digestRunState(name: "weekly", schedule: "mon 09:00 @ UTC", at: t0)
        #expect(first.trackedSince == t0)
        #expect(first.lastScheduledAt == nil)
        #expect(first.previous == nil)
        let later = t0.addingTimeInterval(3_600)
        #expect(try store.digestRunState(name: "weekly", schedule: "mon 09:00 @ UTC", at: later).trackedSince == t0)

        let sentAt = t0.addingTimeInterval(7_200)
        try store.commit(digestRun: run("p1", scheduledAt: sentAt, runAt: sentAt), messages: [])
        let skippedAt = t0.addingTimeInterval(9_000)
        try store.commit(digestRun: run("p2", scheduledAt: skippedAt, runAt: skippedAt, sent: false), messages: [])
        var state = try store.digestRunState(name: "weekly", schedule: "mon 09:00 @ UTC", at: later)
        #expect(state.lastScheduledAt == skippedAt, "a skipped run still consumes its period")
        #expect(state.previous?.at == sentAt, "the previous report is the last one sent")

        let manualAt = t0.addingTimeInterval(10_000)
        try store.commit(digestRun: run("manual:1", scheduledAt: nil, runAt: manualAt), messages: [])
        state = try store.digestRunState(name: "weekly", schedule: "mon 09:00 @ UTC", at: later)
        #expect(state.lastScheduledAt == skippedAt, "a manual send is no scheduled run")
        #expect(state.previous?.at == manualAt, "but it is what the audience saw last")

        let changed = t0.addingTimeInterval(20_000)
        state = try store.digestRunState(name: "weekly", schedule: "tue 09:00 @ UTC", at: changed)
        #expect(state.trackedSince == changed, "a new schedule is tracked from when it appears")
    }

    @Test func historySinceATime() throws {
        let store = try HeraldStore.inMemory()
        let apollo = project([milestone("design")])
        _ = try store.apply(projects: [apollo], source: fileSource, at: t0)
        var moved = apollo
        moved.milestones[0].due = date("2026-12-11")
        let later = t0.addingTimeInterval(3_600)
        _ = try store.apply(projects: [moved], source: fileSource, at: later)
        #expect(try store.history(since: nil).contains { $0.at == t0 })
        let recent = try store.history(since: t0)
        #expect(recent.map(\.change.field) == ["due"])
        #expect(recent.map(\.at) == [later])
    }
}
